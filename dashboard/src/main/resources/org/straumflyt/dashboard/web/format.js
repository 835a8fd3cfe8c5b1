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
