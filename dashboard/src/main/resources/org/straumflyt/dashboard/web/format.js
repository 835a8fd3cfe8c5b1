// Numbers rounded, with units, in the page's language.
import { lang } from './i18n.js';

const DASH = '–';

function locale() {
  return lang() === 'en' ? 'en-GB' : 'nb-NO';
}

function number(value, digits) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(value);
}

export function kwh(value) {
  return value == null ? DASH : `${number(value, 1)} kWh`;
}

export function kw(value) {
  return value == null ? DASH : `${number(value, 1)} kW`;
}

export function kwhPerM2(value) {
  return value == null ? DASH : `${number(value, 2)} kWh/m²`;
}

export function m2(value) {
  return value == null ? DASH : `${number(value, 0)} m²`;
}

export function percent(fraction) {
  return fraction == null ? DASH : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 })
    .format(fraction);
}

/** An instant in the dashboard's zone: the time alone when it is today there, else date and time. */
export function when(iso, zone, today) {
  if (!iso) {
    return DASH;
  }
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
  const options = day === today
    ? { timeZone: zone, hour: '2-digit', minute: '2-digit' }
    : { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** A benchmark: whole kWh/m². */
export function kwhPerM2Whole(value) {
  return value == null ? DASH : `${number(value, 0)} kWh/m²`;
}

/** A figure that is already a percentage (0..100), such as the U4SSC indicators. */
export function percentValue(value) {
  return value == null ? DASH : `${number(value, 1)} %`;
}

export function celsius(value) {
  return value == null ? DASH : `${number(value, 1)} °C`;
}

export function count(value) {
  return value == null ? DASH : number(value, 0);
}

/** A local date (yyyy-mm-dd) as the page's language writes it, e.g. "9. mars 2026" or "9 Mar 2026". */
export function day(isoDate) {
  if (!isoDate) {
    return DASH;
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** A month (yyyy-mm), e.g. "mars 2026" or "March 2026". */
export function month(isoMonth) {
  if (!isoMonth) {
    return DASH;
  }
  const [y, m] = isoMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'long', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

/** An instant as a date and time in the zone, e.g. "3. mars 08:00". */
export function dateTime(iso, zone) {
  if (!iso) {
    return DASH;
  }
  return new Intl.DateTimeFormat(locale(), { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit',
    minute: '2-digit' }).format(new Date(iso));
}
