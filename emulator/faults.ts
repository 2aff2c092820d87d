import type { FaultSpec } from './world';

interface ArmedFault {
  spec: FaultSpec;
  seen: number;
  fired: number;
}

/** Decides which configured fault, if any, a request meets. */
export class FaultBook {
  private faults: ArmedFault[] = [];

  constructor(specs: FaultSpec[]) {
    this.replace(specs);
  }

  replace(specs: FaultSpec[]): void {
    this.faults = specs.map((spec) => ({ spec, seen: 0, fired: 0 }));
  }

  /** The first fault that applies to this request; counts the request against every match. */
  match(path: string): FaultSpec | null {
    let hit: FaultSpec | null = null;
    for (const fault of this.faults) {
      if (fault.spec.path !== undefined && fault.spec.path !== path) continue;
      fault.seen++;
      if (hit || fault.seen <= fault.spec.after) continue;
      if (fault.spec.times !== undefined && fault.fired >= fault.spec.times) continue;
      fault.fired++;
      hit = fault.spec;
    }
    return hit;
  }
}
