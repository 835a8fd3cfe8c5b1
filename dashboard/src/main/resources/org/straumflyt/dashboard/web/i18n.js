// The page's words in Norwegian bokmål (default) and English. The chosen language is kept in localStorage.
const KEY = 'straumflyt.lang';

const TEXT = {
  nb: {
    skip: 'Hopp til innholdet', loading: 'Laster …', switchTo: 'English', switchLabel: 'Switch to English',
    portfolio: 'Bygg', portfolioIntro: 'Alle bygg i KPI-lageret. Trykk på en kolonneoverskrift for å sortere.',
    building: 'Bygg', category: 'Kategori', live: 'Effekt nå', today: 'I dag', yesterday: 'I går',
    perM2: 'I dag per m²', newest: 'Nyeste data', coverage: 'Dekning', noData: 'ingen data',
    back: 'Alle bygg', profile: 'Timeprofil i dag mot i går', hour: 'Time', inProgress: 'pågår',
    quality: 'Datakvalitet', meters: 'Målere som rapporterer', of: 'av',
    coverageText: (p) => `Dekning i dag: ${p} av timene som er gått er målt.`,
    coverageLow: (p) => `Lav dekning: bare ${p} av timene i dag er målt. Tallene for i dag er for lave.`,
    coverageNone: 'Ingen time i dag er fullført ennå.',
    flagsNone: 'Ingen kvalitetsflagg i dag.', flagsIntro: 'Flagg i dag og hva de betyr:',
    area: 'Oppvarmet areal', liveExplained: 'Effekt nå: snitteffekt i den målte delen av timen som pågår.',
    unavailable: 'KPI-lageret svarer ikke. Viser sist kjente tall.', liveOn: 'Direkte: oppdateres fortløpende.',
    notFound: 'Fant ikke bygget.', chartLabel: 'Stolpediagram: energi per time i dag og i går',
    todayLegend: 'I dag', yesterdayLegend: 'I går',
    sortedAsc: 'sortert stigende', sortedDesc: 'sortert synkende',
  },
  en: {
    skip: 'Skip to content', loading: 'Loading …', switchTo: 'Norsk', switchLabel: 'Bytt til norsk',
    portfolio: 'Buildings', portfolioIntro: 'Every building in the KPI store. Click a column heading to sort.',
    building: 'Building', category: 'Category', live: 'Power now', today: 'Today', yesterday: 'Yesterday',
    perM2: 'Today per m²', newest: 'Newest data', coverage: 'Coverage', noData: 'no data',
    back: 'All buildings', profile: "Today's hourly profile against yesterday", hour: 'Hour',
    inProgress: 'in progress',
    quality: 'Data quality', meters: 'Meters reporting', of: 'of',
    coverageText: (p) => `Coverage today: ${p} of the hours so far are measured.`,
    coverageLow: (p) => `Low coverage: only ${p} of today's hours are measured. Today's figures are too low.`,
    coverageNone: 'No hour has completed yet today.',
    flagsNone: 'No quality flags today.', flagsIntro: "Today's flags and what they mean:",
    area: 'Heated area', liveExplained: 'Power now: mean power over the measured part of the running hour.',
    unavailable: 'The KPI store does not answer. Showing the last known figures.',
    liveOn: 'Live: updates as the data arrives.',
    notFound: 'No such building.', chartLabel: 'Bar chart: energy per hour today and yesterday',
    todayLegend: 'Today', yesterdayLegend: 'Yesterday',
    sortedAsc: 'sorted ascending', sortedDesc: 'sorted descending',
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
