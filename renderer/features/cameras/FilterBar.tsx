import { Fragment } from 'react';
import { STATUS_LABELS } from '../../../common/camera-query';
import type { FilterOption } from '../../../common/camera-query';
import { GROUP_BY, hasActiveFilters, STATUS_FILTERS } from '../../../common/prefs';
import type { CameraFilters, GroupBy } from '../../../common/prefs';
import { useStore } from '../../store';
import { NO_FILTER_OPTIONS, selectFilterOptions } from '../../store/selectors';
import { usePainted } from './usePainted';
import './list.css';

const GROUP_LABELS: Readonly<Record<GroupBy, string>> = {
  none: 'None',
  status: 'Status',
  model: 'Model',
  firmware: 'Firmware',
  ssid: 'Wi-Fi network',
};

type ValueFilter = 'model' | 'firmware' | 'ssid';

const noOptions = () => NO_FILTER_OPTIONS;

/** A select over one filter's values; "" stands for "any". */
function FilterSelect({
  id,
  label,
  any,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  any: string;
  value: string | null;
  options: readonly FilterOption[];
  onChange: (value: string | null) => void;
}) {
  // A value chosen before the list changed stays on offer, so the select can show it.
  const shown =
    value !== null && !options.some((o) => o.value === value)
      ? [...options, { value, label: value, count: 0 }]
      : options;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{any}</option>
        {/* Keyed on whether the values have come (a saved choice is on offer before), so they
            are placed as one block. Placed one by one into a select already in the page, React
            searches past every other new option for where each goes: quadratic, and most of a
            300 ms block of the page after the first rows at 5,000 firmware versions
            (scripts/README.md, the eleventh pass). */}
        <Fragment key={options.length === 0 ? 'none' : 'values'}>
          {shown.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label} ({o.count})
            </option>
          ))}
        </Fragment>
      </select>
    </div>
  );
}

/** What a chip says for each active filter, with the change that removes it. */
function activeChips(
  f: CameraFilters,
  labelOf: (key: ValueFilter, value: string) => string,
): { key: keyof CameraFilters; text: string }[] {
  const chips: { key: keyof CameraFilters; text: string }[] = [];
  if (f.status !== null) chips.push({ key: 'status', text: STATUS_LABELS[f.status] });
  if (f.model !== null) chips.push({ key: 'model', text: labelOf('model', f.model) });
  if (f.firmware !== null) chips.push({ key: 'firmware', text: `Firmware ${f.firmware}` });
  if (f.ssid !== null) chips.push({ key: 'ssid', text: `Wi-Fi network ${f.ssid}` });
  if (f.sharedWithMe) chips.push({ key: 'sharedWithMe', text: 'Shared with me' });
  return chips;
}

/** The active filters as chips, each removable, and one button that clears them all. */
function FilterChips() {
  const filters = useStore((s) => s.viewPrefs.filters);
  const setFilter = useStore((s) => s.setFilter);
  const clearFilters = useStore((s) => s.clearFilters);
  // Only a chip needs a label (a model's marketed name): no filter, no options computed.
  const options = useStore((s) =>
    hasActiveFilters(s.viewPrefs.filters) ? selectFilterOptions(s) : NO_FILTER_OPTIONS,
  );
  if (!hasActiveFilters(filters)) return null;
  const labelOf = (key: ValueFilter, value: string) => {
    const list =
      key === 'model' ? options.models : key === 'firmware' ? options.firmware : options.ssids;
    return list.find((o) => o.value === value)?.label ?? value;
  };
  return (
    <div className="chips">
      <ul aria-label="Active filters">
        {activeChips(filters, labelOf).map((chip) => (
          <li key={chip.key} className="chip">
            <span>{chip.text}</span>
            <button
              type="button"
              aria-label={`Remove filter: ${chip.text}`}
              title={`Remove filter: ${chip.text}`}
              onClick={() => setFilter(chip.key, chip.key === 'sharedWithMe' ? false : null)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={clearFilters}>
        Clear all filters
      </button>
    </div>
  );
}

/** Filters (status, model, firmware, Wi-Fi network, shared with me) and grouping. */
export function FilterBar() {
  const filters = useStore((s) => s.viewPrefs.filters);
  const groupBy = useStore((s) => s.viewPrefs.groupBy);
  const setFilter = useStore((s) => s.setFilter);
  const setViewPrefs = useStore((s) => s.setViewPrefs);
  // The values each filter offers (a pass over every camera, ~30 ms at 5,000) come after the
  // first paint: the first rows do not wait for menus nobody has opened yet.
  const painted = usePainted();
  const options = useStore(painted ? selectFilterOptions : noOptions);
  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilter('status', STATUS_FILTERS.find((s) => s === e.target.value) ?? null)
            }
          >
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          id="filter-model"
          label="Model"
          any="Any model"
          value={filters.model}
          options={options.models}
          onChange={(v) => setFilter('model', v)}
        />
        <FilterSelect
          id="filter-firmware"
          label="Firmware"
          any="Any firmware"
          value={filters.firmware}
          options={options.firmware}
          onChange={(v) => setFilter('firmware', v)}
        />
        <FilterSelect
          id="filter-ssid"
          label="Wi-Fi network"
          any="Any network"
          value={filters.ssid}
          options={options.ssids}
          onChange={(v) => setFilter('ssid', v)}
        />
        <div className="field check">
          <input
            id="filter-shared"
            type="checkbox"
            checked={filters.sharedWithMe}
            onChange={(e) => setFilter('sharedWithMe', e.target.checked)}
          />
          <label htmlFor="filter-shared">Shared with me</label>
        </div>
        <div className="field group-by">
          <label htmlFor="group-by">Group by</label>
          <select
            id="group-by"
            value={groupBy}
            onChange={(e) =>
              setViewPrefs({ groupBy: GROUP_BY.find((g) => g === e.target.value) ?? 'none' })
            }
          >
            {GROUP_BY.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FilterChips />
    </>
  );
}
