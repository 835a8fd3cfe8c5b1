// The page's words in Norwegian bokmål (default) and English. The chosen language is kept in localStorage.
// Every dictionary has the same keys in both languages; missingKeys() lists any that do not (the browser test
// checks it is empty).
const KEY = 'straumflyt.lang';

const TEXT = {
  nb: {
    skip: 'Hopp til innholdet', loading: 'Laster …', switchTo: 'English', switchLabel: 'Switch to English',
    navLabel: 'Sider', navBuildings: 'Bygg', navMunicipality: 'Kommunen',
    portfolio: 'Bygg', portfolioIntro: 'Alle bygg i registeret og KPI-lageret. Trykk på en kolonneoverskrift for å sortere.',
    building: 'Bygg', category: 'Kategori', live: 'Effekt nå', today: 'I dag', yesterday: 'I går',
    lastWeek: 'Samme tid forrige uke', lastWeekDay: 'Samme ukedag forrige uke',
    perM2: 'I dag per m²', newest: 'Nyeste data', coverage: 'Dekning', noData: 'ingen data',
    year: 'Siste 12 mnd per m²', municipality: 'Kommune',
    filter: 'Filter', filterHint: 'navn, id eller kommune', allCategories: 'Alle kategorier',
    shown: (n, total) => `Viser ${n} av ${total} bygg.`, notInRegistry: 'ikke i registeret',
    unassignedName: 'Målere som ikke er i registeret',
    personal: 'personopplysninger',
    mapTitle: 'Kart', mapLabel: (n) => `Kart over ${n} bygg`,
    mapNone: 'Ingen bygg med koordinater i registeret.',
    mapPlain: 'Uten bakgrunnskart: en kartserver kan settes opp med map.tile.url.',
    mapMissing: (n) => `${n} bygg uten koordinater i registeret er ikke i kartet.`,
    personalHidden: 'Bygget er merket med personopplysninger (kommunal bolig, små enheter): forbruket per time eller '
      + 'dag viser når folk er hjemme. Tallene vises derfor bare for brukere med tilgang til personopplysninger.',
    back: 'Alle bygg', profile: 'Timeprofil i dag mot i går og samme ukedag forrige uke', hour: 'Time',
    inProgress: 'pågår',
    quality: 'Datakvalitet i dag', meters: 'Målere som rapporterer', of: 'av',
    coverageText: (p) => `Dekning i dag: ${p} av timene som er gått er målt.`,
    coverageLow: (p) => `Lav dekning: bare ${p} av timene i dag er målt. Tallene for i dag er for lave.`,
    coverageNone: 'Ingen time i dag er fullført ennå.',
    gapsToday: (n) => `${n} ${n === 1 ? 'time' : 'timer'} i dag uten data (hull).`,
    flagsNone: 'Ingen kvalitetsflagg i dag.', flagsIntro: 'Flagg i dag og hva de betyr:',
    area: 'Oppvarmet areal', liveExplained: 'Effekt nå: snitteffekt i den målte delen av timen som pågår.',
    unavailable: 'KPI-lageret svarer ikke. Viser sist kjente tall.', liveOn: 'Direkte: oppdateres fortløpende.',
    notFound: 'Fant ikke bygget.', chartLabel: 'Stolpediagram: energi per time i dag, i går og samme ukedag forrige uke',
    todayLegend: 'I dag', yesterdayLegend: 'I går', lastWeekLegend: 'Samme ukedag forrige uke',
    sortedAsc: 'sortert stigende', sortedDesc: 'sortert synkende',
    peaks: 'Månedens toppeffekt', peaksIntro: 'Nettleien tar betalt for effekt: små kunder for snittet av de tre høyeste døgnmakstimene på tre ulike dager, store kunder for månedens høyeste time.',
    peakHour: 'Høyeste time', capacityBasis: 'Grunnlag for effekttariffen', peakAt: (when) => `kl. ${when}`,
    capacityNone: 'Ikke beregnet ennå (ingen månedspost).',
    topDays: 'De tre dagene med høyest time', hourPower: 'Snitteffekt i timen', day: 'Dag', highestHour: 'Høyeste time', energy: 'Energi',
    daysWithData: (n) => `Dager med data denne måneden: ${n}.`,
    yearTitle: 'Siste 12 måneder mot referanse',
    yearText: (value, from, to) => `${from}–${to}: ${value}.`,
    yearPartial: (n) => `Bare ${n} av 12 måneder har data, så tallet er ikke et helt år og lavere enn årsforbruket.`,
    yearNone: 'Ingen månedsdata med areal ennå.',
    benchmark: (category, value) => `Referanse for ${category} (SSB 2011): ${value} i året.`,
    benchmarkNone: (category) => `SSB 2011 har ingen referanse for ${category}.`,
    benchmarkShort: (value) => `ref. ${value}`,
    days30: 'Siste 30 dager mot utetemperatur',
    days30Intro: 'Hvert punkt er én dag: energi mot døgnmiddeltemperatur (energisignatur). Kaldere dager bør bruke mer.',
    signatureLabel: 'Punktdiagram: energi per dag mot utetemperatur', temperature: 'Utetemperatur',
    date: 'Dato', hours: 'Timer med data', flags: 'Flagg', noWeather: 'ingen værdata',
    municipalityTitle: 'Kommunen', municipalityIntro: 'U4SSC-indikatorene for kommunens bygg, slik strømprosessoren beregner dem.',
    municipalityNone: 'Ingen porteføljetall i KPI-lageret ennå (de kommer når første døgn er fullført).',
    municipalityHeading: (m) => `Kommune ${m}`,
    period_year_to_date: 'Hittil i år', period_rolling_12_months: 'Siste 12 måneder',
    periodText: (from, to, days) => `Fra ${from} til og med ${to} (${days} dager).`,
    indicator: 'Indikator', code: 'Kode', value: 'Verdi', formula: 'Formel', inputs: 'Grunnlag',
    ind_kwh_per_m2: 'Energi per m² (for perioden)', ind_corrected_kwh_per_m2: 'Energi per m², graddagskorrigert',
    ind_renewable_percent: 'Fornybar andel av energibruken', ind_smart_meter_percent: 'Smarte strømmålere',
    ind_integrated_building_percent: 'Bygg med integrert byggautomasjon', ind_fresh_meter_share: 'Strømmålere med ferske data',
    ind_live_area_share: 'Areal med ferske data', ind_coverage: 'Kompletthet (hele byggdøgn)',
    f_kwh_per_m2: 'energi ÷ oppvarmet areal', f_corrected_kwh_per_m2: 'graddagskorrigert energi ÷ areal',
    f_renewable_percent: 'fornybar energi ÷ energi × 100', f_smart_meter_percent: 'smarte strømmålere ÷ strømmålere × 100',
    f_integrated_building_percent: 'bygg med integrert automasjon ÷ bygg × 100',
    f_fresh_meter_share: 'målere med data i vinduet ÷ strømmålere', f_live_area_share: 'areal med data i vinduet ÷ areal',
    f_coverage: 'komplette byggdøgn ÷ forventede byggdøgn',
    notAnnual: 'Per m² gjelder perioden, ikke et år, med mindre grunnlaget er «helt år».',
    basis_yearly: 'helt år', basis_provisional: 'helt år, foreløpig (lav dekning)', basis_part_of_year: 'del av år',
    annualBasis: 'Grunnlag', byCategory: 'Energi per m² etter kategori', buildings: 'Bygg', benchmarkCol: 'Referanse (SSB 2011, per år)',
    correctedCol: 'Graddagskorrigert', perM2Period: 'Per m² (perioden)',
    na: 'ikke tilgjengelig',
  },
  en: {
    skip: 'Skip to content', loading: 'Loading …', switchTo: 'Norsk', switchLabel: 'Bytt til norsk',
    navLabel: 'Pages', navBuildings: 'Buildings', navMunicipality: 'Municipality',
    portfolio: 'Buildings', portfolioIntro: 'Every building in the registry and the KPI store. Click a column heading to sort.',
    building: 'Building', category: 'Category', live: 'Power now', today: 'Today', yesterday: 'Yesterday',
    lastWeek: 'Same time last week', lastWeekDay: 'Same weekday last week',
    perM2: 'Today per m²', newest: 'Newest data', coverage: 'Coverage', noData: 'no data',
    year: 'Last 12 months per m²', municipality: 'Municipality',
    filter: 'Filter', filterHint: 'name, id or municipality', allCategories: 'All categories',
    shown: (n, total) => `Showing ${n} of ${total} buildings.`, notInRegistry: 'not in the registry',
    unassignedName: 'Meters not in the registry',
    personal: 'personal data',
    mapTitle: 'Map', mapLabel: (n) => `Map of ${n} buildings`,
    mapNone: 'No building has coordinates in the registry.',
    mapPlain: 'No background map: a tile server can be set with map.tile.url.',
    mapMissing: (n) => `${n} buildings without coordinates in the registry are not on the map.`,
    personalHidden: 'This building is marked as holding personal data (municipal housing, very small units): its '
      + 'consumption per hour or day shows when people are at home. Its figures are therefore shown only to users '
      + 'cleared for personal data.',
    back: 'All buildings', profile: "Today's hourly profile against yesterday and the same weekday last week",
    hour: 'Hour', inProgress: 'in progress',
    quality: 'Data quality today', meters: 'Meters reporting', of: 'of',
    coverageText: (p) => `Coverage today: ${p} of the hours so far are measured.`,
    coverageLow: (p) => `Low coverage: only ${p} of today's hours are measured. Today's figures are too low.`,
    coverageNone: 'No hour has completed yet today.',
    gapsToday: (n) => `${n} ${n === 1 ? 'hour' : 'hours'} today without data (gaps).`,
    flagsNone: 'No quality flags today.', flagsIntro: "Today's flags and what they mean:",
    area: 'Heated area', liveExplained: 'Power now: mean power over the measured part of the running hour.',
    unavailable: 'The KPI store does not answer. Showing the last known figures.',
    liveOn: 'Live: updates as the data arrives.',
    notFound: 'No such building.', chartLabel: 'Bar chart: energy per hour today, yesterday and the same weekday last week',
    todayLegend: 'Today', yesterdayLegend: 'Yesterday', lastWeekLegend: 'Same weekday last week',
    sortedAsc: 'sorted ascending', sortedDesc: 'sorted descending',
    peaks: "The month's peaks", peaksIntro: 'The grid tariff charges for power: smaller customers for the mean of the highest hours of three different days, large customers for the month\u2019s single highest hour.',
    peakHour: 'Highest hour', capacityBasis: 'Capacity tariff basis', peakAt: (when) => `at ${when}`,
    capacityNone: 'Not computed yet (no monthly record).',
    topDays: 'The three days with the highest hour', hourPower: 'Mean power in the hour', day: 'Day', highestHour: 'Highest hour', energy: 'Energy',
    daysWithData: (n) => `Days with data this month: ${n}.`,
    yearTitle: 'The last 12 months against the benchmark',
    yearText: (value, from, to) => `${from}–${to}: ${value}.`,
    yearPartial: (n) => `Only ${n} of 12 months have data, so the figure is not a whole year and lower than the yearly use.`,
    yearNone: 'No monthly data with an area yet.',
    benchmark: (category, value) => `Benchmark for ${category} (SSB 2011): ${value} a year.`,
    benchmarkNone: (category) => `SSB 2011 has no benchmark for ${category}.`,
    benchmarkShort: (value) => `ref. ${value}`,
    days30: 'The last 30 days against outdoor temperature',
    days30Intro: 'Each point is one day: energy against the daily mean temperature (energy signature). Colder days should use more.',
    signatureLabel: 'Scatter chart: energy per day against outdoor temperature', temperature: 'Outdoor temperature',
    date: 'Date', hours: 'Hours with data', flags: 'Flags', noWeather: 'no weather data',
    municipalityTitle: 'Municipality', municipalityIntro: "The U4SSC indicators of the municipality's buildings, as the stream processor computes them.",
    municipalityNone: 'No portfolio figures in the KPI store yet (they come once the first day is complete).',
    municipalityHeading: (m) => `Municipality ${m}`,
    period_year_to_date: 'Year to date', period_rolling_12_months: 'Last 12 months',
    periodText: (from, to, days) => `From ${from} up to and including ${to} (${days} days).`,
    indicator: 'Indicator', code: 'Code', value: 'Value', formula: 'Formula', inputs: 'Inputs',
    ind_kwh_per_m2: 'Energy per m² (for the period)', ind_corrected_kwh_per_m2: 'Energy per m², degree-day corrected',
    ind_renewable_percent: 'Renewable share of energy used', ind_smart_meter_percent: 'Smart electricity meters',
    ind_integrated_building_percent: 'Buildings with integrated building management', ind_fresh_meter_share: 'Electricity meters with fresh data',
    ind_live_area_share: 'Area with fresh data', ind_coverage: 'Completeness (whole building-days)',
    f_kwh_per_m2: 'energy ÷ heated area', f_corrected_kwh_per_m2: 'degree-day-corrected energy ÷ area',
    f_renewable_percent: 'renewable energy ÷ energy × 100', f_smart_meter_percent: 'smart electricity meters ÷ electricity meters × 100',
    f_integrated_building_percent: 'buildings with integrated management ÷ buildings × 100',
    f_fresh_meter_share: 'meters with data in the window ÷ electricity meters', f_live_area_share: 'area with data in the window ÷ area',
    f_coverage: 'complete building-days ÷ expected building-days',
    notAnnual: 'Per m² is for the period, not a year, unless the basis is "whole year".',
    basis_yearly: 'whole year', basis_provisional: 'whole year, provisional (low coverage)', basis_part_of_year: 'part of a year',
    annualBasis: 'Basis', byCategory: 'Energy per m² by category', buildings: 'Buildings', benchmarkCol: 'Benchmark (SSB 2011, a year)',
    correctedCol: 'Degree-day corrected', perM2Period: 'Per m² (the period)',
    na: 'not available',
  },
};

const CATEGORIES = {
  nb: { school: 'Skole', kindergarten: 'Barnehage', nursing_home: 'Sykehjem', office: 'Kontor',
    sports_hall: 'Idrettshall', cultural: 'Kulturbygg', hospital: 'Sykehus', other: 'Annet' },
  en: { school: 'School', kindergarten: 'Kindergarten', nursing_home: 'Nursing home', office: 'Office',
    sports_hall: 'Sports hall', cultural: 'Cultural building', hospital: 'Hospital', other: 'Other' },
};

// model/QualityFlag.java, in words.
const FLAGS = {
  nb: {
    estimated: 'Foreløpig: beregnet fra effektmålinger; erstattes når telleverket kommer.',
    interpolated: 'Energi fordelt over et hull i målingene.',
    reset: 'Måleren ble nullstilt eller byttet; energien fortsetter fra ny startverdi.',
    rollover: 'Telleverket gikk rundt ved sin maksimalverdi.',
    glitch: 'Et enkelt feilaktig fall i telleverket ble forkastet.',
    spike: 'Et urimelig stort hopp ble holdt utenfor.',
    conflict: 'To ulike verdier for samme tidspunkt; én ble valgt.',
    gap: 'Deler av perioden mangler målinger.',
    missing_meters: 'Minst én måler i bygget har ikke rapportert.',
  },
  en: {
    estimated: 'Provisional: from power samples; replaced when the register reading arrives.',
    interpolated: 'Energy spread over a gap in the measurements.',
    reset: 'The meter was reset or replaced; energy continues from the new base.',
    rollover: 'The register rolled over at its maximum.',
    glitch: 'A lone false drop of the register was discarded.',
    spike: 'An implausibly large step was quarantined.',
    conflict: 'Two different values for the same time; one was chosen.',
    gap: 'Part of the period has no measurements.',
    missing_meters: 'At least one meter of the building reported nothing.',
  },
};

// The flags in one or two words, for tables.
const FLAG_NAMES = {
  nb: { estimated: 'foreløpig', interpolated: 'interpolert', reset: 'nullstilt', rollover: 'rundt',
    glitch: 'feilfall forkastet', spike: 'hopp forkastet', conflict: 'konflikt', gap: 'hull',
    missing_meters: 'målere mangler' },
  en: { estimated: 'provisional', interpolated: 'interpolated', reset: 'reset', rollover: 'rollover',
    glitch: 'false drop discarded', spike: 'step quarantined', conflict: 'conflict', gap: 'gap',
    missing_meters: 'meters missing' },
};

export function lang() {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' ? 'en' : 'nb';
}

export function setLang(value) {
  localStorage.setItem(KEY, value);
}

export function t(key, ...args) {
  const value = TEXT[lang()][key];
  return typeof value === 'function' ? value(...args) : value;
}

export function category(wire) {
  return wire ? (CATEGORIES[lang()][wire] ?? wire) : '–';
}

export function flagMeaning(flag) {
  return FLAGS[lang()][flag] ?? flag;
}

export function flagName(flag) {
  return FLAG_NAMES[lang()][flag] ?? flag;
}

/** Keys that one language has and the other lacks, as "<dictionary>.<language>.<key>"; empty when complete. */
export function missingKeys() {
  const missing = [];
  for (const [name, dictionary] of Object.entries({ TEXT, CATEGORIES, FLAGS, FLAG_NAMES })) {
    const languages = Object.keys(dictionary);
    const all = new Set(languages.flatMap((l) => Object.keys(dictionary[l])));
    for (const l of languages) {
      for (const key of all) {
        if (!(key in dictionary[l])) missing.push(`${name}.${l}.${key}`);
      }
    }
  }
  return missing;
}
