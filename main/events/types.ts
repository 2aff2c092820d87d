/**
 * What the IPC handlers need of camera events (main/events/): a page of the cloud's event list,
 * with media paths on the app's origin. Implemented by main/events/service.ts.
 */
import type { EventPage, EventQuery } from '../../common/camera-events';

export interface EventsService {
  list(query: EventQuery): Promise<EventPage>;
}
