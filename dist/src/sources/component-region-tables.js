/**
 * Places that status page components name, with their ISO 3166-1 alpha-2 region.
 * Airports: IATA codes as Cloudflare names its data centres ("Frankfurt, Germany - (FRA)").
 * Cloud regions: AWS, Google Cloud and Azure region ids.
 */
/** IATA code → [city, ISO region]. */
// biome-ignore format: a dense table reads better than one entry per line
export const AIRPORTS = {
    // Europe
    AMS: ["Amsterdam", "NL"], ARN: ["Stockholm", "SE"], ATH: ["Athens", "GR"], BCN: ["Barcelona", "ES"],
    BEG: ["Belgrade", "RS"], BER: ["Berlin", "DE"], BOD: ["Bordeaux", "FR"], BRU: ["Brussels", "BE"],
    BTS: ["Bratislava", "SK"], BUD: ["Budapest", "HU"], CDG: ["Paris", "FR"], CPH: ["Copenhagen", "DK"],
    DME: ["Moscow", "RU"], DUB: ["Dublin", "IE"], DUS: ["Düsseldorf", "DE"], EDI: ["Edinburgh", "GB"],
    EVN: ["Yerevan", "AM"], FCO: ["Rome", "IT"], FRA: ["Frankfurt", "DE"], GVA: ["Geneva", "CH"],
    HAM: ["Hamburg", "DE"], HEL: ["Helsinki", "FI"], IST: ["Istanbul", "TR"], KBP: ["Kyiv", "UA"],
    KEF: ["Reykjavík", "IS"], KIV: ["Chișinău", "MD"], LED: ["Saint Petersburg", "RU"], LHR: ["London", "GB"],
    LIS: ["Lisbon", "PT"], LJU: ["Ljubljana", "SI"], LUX: ["Luxembourg", "LU"], LYS: ["Lyon", "FR"],
    MAD: ["Madrid", "ES"], MAN: ["Manchester", "GB"], MLA: ["Valletta", "MT"], MRS: ["Marseille", "FR"],
    MUC: ["Munich", "DE"], MXP: ["Milan", "IT"], ORK: ["Cork", "IE"], OSL: ["Oslo", "NO"],
    OTP: ["Bucharest", "RO"], PMO: ["Palermo", "IT"], PRG: ["Prague", "CZ"], RIX: ["Riga", "LV"],
    SKG: ["Thessaloniki", "GR"], SOF: ["Sofia", "BG"], TBS: ["Tbilisi", "GE"], TLL: ["Tallinn", "EE"],
    TXL: ["Berlin", "DE"], VIE: ["Vienna", "AT"], VNO: ["Vilnius", "LT"], WAW: ["Warsaw", "PL"],
    ZAG: ["Zagreb", "HR"], ZRH: ["Zurich", "CH"],
    // North America
    ABQ: ["Albuquerque", "US"], ANC: ["Anchorage", "US"], ATL: ["Atlanta", "US"], AUS: ["Austin", "US"],
    BGR: ["Bangor", "US"], BNA: ["Nashville", "US"], BOS: ["Boston", "US"], BUF: ["Buffalo", "US"],
    CLT: ["Charlotte", "US"], CMH: ["Columbus", "US"], DEN: ["Denver", "US"], DFW: ["Dallas", "US"],
    DTW: ["Detroit", "US"], EWR: ["Newark", "US"], HNL: ["Honolulu", "US"], IAD: ["Ashburn", "US"],
    IAH: ["Houston", "US"], IND: ["Indianapolis", "US"], JAX: ["Jacksonville", "US"], LAS: ["Las Vegas", "US"],
    LAX: ["Los Angeles", "US"], MCI: ["Kansas City", "US"], MEM: ["Memphis", "US"], MFE: ["McAllen", "US"],
    MIA: ["Miami", "US"], MSP: ["Minneapolis", "US"], OKC: ["Oklahoma City", "US"], OMA: ["Omaha", "US"],
    ORD: ["Chicago", "US"], PDX: ["Portland", "US"], PHL: ["Philadelphia", "US"], PHX: ["Phoenix", "US"],
    PIT: ["Pittsburgh", "US"], RIC: ["Richmond", "US"], SAN: ["San Diego", "US"], SAT: ["San Antonio", "US"],
    SEA: ["Seattle", "US"], SJC: ["San Jose", "US"], SLC: ["Salt Lake City", "US"], SMF: ["Sacramento", "US"],
    STL: ["St. Louis", "US"], TPA: ["Tampa", "US"], YHZ: ["Halifax", "CA"], YOW: ["Ottawa", "CA"],
    YUL: ["Montréal", "CA"], YVR: ["Vancouver", "CA"], YWG: ["Winnipeg", "CA"], YXE: ["Saskatoon", "CA"],
    YYC: ["Calgary", "CA"], YYZ: ["Toronto", "CA"], MEX: ["Mexico City", "MX"], GDL: ["Guadalajara", "MX"],
    QRO: ["Querétaro", "MX"],
    // Central and South America, Caribbean
    ASU: ["Asunción", "PY"], BOG: ["Bogotá", "CO"], BSB: ["Brasília", "BR"], CNF: ["Belo Horizonte", "BR"],
    CUR: ["Willemstad", "CW"], CWB: ["Curitiba", "BR"], EZE: ["Buenos Aires", "AR"], FOR: ["Fortaleza", "BR"],
    GIG: ["Rio de Janeiro", "BR"], GRU: ["São Paulo", "BR"], GUA: ["Guatemala City", "GT"], GYE: ["Guayaquil", "EC"],
    KIN: ["Kingston", "JM"], LIM: ["Lima", "PE"], LPB: ["La Paz", "BO"], MDE: ["Medellín", "CO"],
    MVD: ["Montevideo", "UY"], POA: ["Porto Alegre", "BR"], POS: ["Port of Spain", "TT"], PTY: ["Panama City", "PA"],
    REC: ["Recife", "BR"], SCL: ["Santiago", "CL"], SDQ: ["Santo Domingo", "DO"], SJO: ["San José", "CR"],
    SSA: ["Salvador", "BR"], TGU: ["Tegucigalpa", "HN"], UIO: ["Quito", "EC"],
    // Asia and the Middle East
    ALA: ["Almaty", "KZ"], AMD: ["Ahmedabad", "IN"], AMM: ["Amman", "JO"], AUH: ["Abu Dhabi", "AE"],
    BAH: ["Manama", "BH"], BEY: ["Beirut", "LB"], BGW: ["Baghdad", "IQ"], BKK: ["Bangkok", "TH"],
    BLR: ["Bangalore", "IN"], BOM: ["Mumbai", "IN"], CAN: ["Guangzhou", "CN"], CCU: ["Kolkata", "IN"],
    CEB: ["Cebu", "PH"], CGK: ["Jakarta", "ID"], CMB: ["Colombo", "LK"], CTU: ["Chengdu", "CN"],
    DAC: ["Dhaka", "BD"], DEL: ["New Delhi", "IN"], DMM: ["Dammam", "SA"], DOH: ["Doha", "QA"],
    DXB: ["Dubai", "AE"], EBL: ["Erbil", "IQ"], FUK: ["Fukuoka", "JP"], HAN: ["Hanoi", "VN"],
    HKG: ["Hong Kong", "HK"], HND: ["Tokyo", "JP"], HYD: ["Hyderabad", "IN"], ICN: ["Seoul", "KR"],
    ISB: ["Islamabad", "PK"], JED: ["Jeddah", "SA"], JHB: ["Johor Bahru", "MY"], KHH: ["Kaohsiung", "TW"],
    KHI: ["Karachi", "PK"], KIX: ["Osaka", "JP"], KTM: ["Kathmandu", "NP"], KUL: ["Kuala Lumpur", "MY"],
    KWI: ["Kuwait City", "KW"], LHE: ["Lahore", "PK"], MAA: ["Chennai", "IN"], MCT: ["Muscat", "OM"],
    MFM: ["Macau", "MO"], MNL: ["Manila", "PH"], NRT: ["Tokyo", "JP"], PEK: ["Beijing", "CN"],
    PNH: ["Phnom Penh", "KH"], PVG: ["Shanghai", "CN"], RGN: ["Yangon", "MM"], RUH: ["Riyadh", "SA"],
    SGN: ["Ho Chi Minh City", "VN"], SIN: ["Singapore", "SG"], SZX: ["Shenzhen", "CN"], TAS: ["Tashkent", "UZ"],
    TLV: ["Tel Aviv", "IL"], TPE: ["Taipei", "TW"], ULN: ["Ulaanbaatar", "MN"],
    // Oceania
    ADL: ["Adelaide", "AU"], AKL: ["Auckland", "NZ"], BNE: ["Brisbane", "AU"], CBR: ["Canberra", "AU"],
    CHC: ["Christchurch", "NZ"], GUM: ["Hagåtña", "GU"], MEL: ["Melbourne", "AU"], NOU: ["Nouméa", "NC"],
    PER: ["Perth", "AU"], PPT: ["Papeete", "PF"], SYD: ["Sydney", "AU"],
    // Africa
    ABJ: ["Abidjan", "CI"], ABV: ["Abuja", "NG"], ACC: ["Accra", "GH"], ADD: ["Addis Ababa", "ET"],
    ALG: ["Algiers", "DZ"], CAI: ["Cairo", "EG"], CMN: ["Casablanca", "MA"], CPT: ["Cape Town", "ZA"],
    DAR: ["Dar es Salaam", "TZ"], DKR: ["Dakar", "SN"], DUR: ["Durban", "ZA"], EBB: ["Kampala", "UG"],
    GBE: ["Gaborone", "BW"], HRE: ["Harare", "ZW"], JNB: ["Johannesburg", "ZA"], KGL: ["Kigali", "RW"],
    LAD: ["Luanda", "AO"], LOS: ["Lagos", "NG"], LUN: ["Lusaka", "ZM"], MBA: ["Mombasa", "KE"],
    MPM: ["Maputo", "MZ"], MRU: ["Port Louis", "MU"], NBO: ["Nairobi", "KE"], TNR: ["Antananarivo", "MG"],
    TUN: ["Tunis", "TN"], WDH: ["Windhoek", "NA"],
};
/** Cloud region id (AWS, Google Cloud, Azure without spaces, lowercase) → ISO region. */
// biome-ignore format: a dense table reads better than one entry per line
export const CLOUD_REGIONS = {
    // AWS
    "us-east-1": "US", "us-east-2": "US", "us-west-1": "US", "us-west-2": "US", "us-gov-east-1": "US",
    "us-gov-west-1": "US", "af-south-1": "ZA", "ap-east-1": "HK", "ap-east-2": "TW", "ap-south-1": "IN",
    "ap-south-2": "IN", "ap-southeast-1": "SG", "ap-southeast-2": "AU", "ap-southeast-3": "ID",
    "ap-southeast-4": "AU", "ap-southeast-5": "MY", "ap-southeast-7": "TH", "ap-northeast-1": "JP",
    "ap-northeast-2": "KR", "ap-northeast-3": "JP", "ca-central-1": "CA", "ca-west-1": "CA",
    "eu-central-1": "DE", "eu-central-2": "CH", "eu-west-1": "IE", "eu-west-2": "GB", "eu-west-3": "FR",
    "eu-south-1": "IT", "eu-south-2": "ES", "eu-north-1": "SE", "il-central-1": "IL", "me-south-1": "BH",
    "me-central-1": "AE", "mx-central-1": "MX", "sa-east-1": "BR",
    // Google Cloud
    "africa-south1": "ZA", "asia-east1": "TW", "asia-east2": "HK", "asia-northeast1": "JP",
    "asia-northeast2": "JP", "asia-northeast3": "KR", "asia-south1": "IN", "asia-south2": "IN",
    "asia-southeast1": "SG", "asia-southeast2": "ID", "australia-southeast1": "AU", "australia-southeast2": "AU",
    "europe-central2": "PL", "europe-north1": "FI", "europe-north2": "SE", "europe-southwest1": "ES",
    "europe-west1": "BE", "europe-west2": "GB", "europe-west3": "DE", "europe-west4": "NL", "europe-west6": "CH",
    "europe-west8": "IT", "europe-west9": "FR", "europe-west10": "DE", "europe-west12": "IT", "me-central1": "QA",
    "me-central2": "SA", "me-west1": "IL", "northamerica-northeast1": "CA", "northamerica-northeast2": "CA",
    "northamerica-south1": "MX", "southamerica-east1": "BR", "southamerica-west1": "CL", "us-central1": "US",
    "us-east1": "US", "us-east4": "US", "us-east5": "US", "us-south1": "US", "us-west1": "US", "us-west2": "US",
    "us-west3": "US", "us-west4": "US",
    // Azure
    eastus: "US", eastus2: "US", westus: "US", westus2: "US", westus3: "US", centralus: "US",
    northcentralus: "US", southcentralus: "US", westcentralus: "US", canadacentral: "CA", canadaeast: "CA",
    brazilsouth: "BR", northeurope: "IE", westeurope: "NL", uksouth: "GB", ukwest: "GB", francecentral: "FR",
    germanywestcentral: "DE", switzerlandnorth: "CH", norwayeast: "NO", swedencentral: "SE",
    polandcentral: "PL", italynorth: "IT", spaincentral: "ES", eastasia: "HK", southeastasia: "SG",
    japaneast: "JP", japanwest: "JP", koreacentral: "KR", australiaeast: "AU", australiasoutheast: "AU",
    centralindia: "IN", southindia: "IN", westindia: "IN", uaenorth: "AE", southafricanorth: "ZA",
    qatarcentral: "QA", israelcentral: "IL", mexicocentral: "MX",
};
/** Country names status pages use, for when no region directory is handed in. */
// biome-ignore format: a dense table reads better than one entry per line
export const COUNTRY_NAMES = {
    argentina: "AR", australia: "AU", austria: "AT", belgium: "BE", brazil: "BR", canada: "CA", chile: "CL",
    china: "CN", colombia: "CO", "czech republic": "CZ", czechia: "CZ", denmark: "DK", finland: "FI", france: "FR",
    germany: "DE", greece: "GR", "hong kong": "HK", india: "IN", indonesia: "ID", ireland: "IE", israel: "IL",
    italy: "IT", japan: "JP", kenya: "KE", korea: "KR", "south korea": "KR", malaysia: "MY", mexico: "MX",
    netherlands: "NL", "new zealand": "NZ", nigeria: "NG", norway: "NO", peru: "PE", philippines: "PH",
    poland: "PL", portugal: "PT", romania: "RO", singapore: "SG", "south africa": "ZA", spain: "ES", sweden: "SE",
    switzerland: "CH", taiwan: "TW", thailand: "TH", turkey: "TR", "united arab emirates": "AE", uae: "AE",
    "united kingdom": "GB", uk: "GB", "united states": "US", usa: "US", us: "US", vietnam: "VN",
};
//# sourceMappingURL=component-region-tables.js.map