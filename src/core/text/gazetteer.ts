/** Word lists the key-fact extractor uses to tell people, organisations and places apart. */

const set = (words: string) => new Set(words.split('|'));

/** Countries, their common short forms, US states, regions and major news cities. */
export const PLACES = set(
  'Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|' +
    'Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|' +
    'Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|' +
    'Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|' +
    'Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|' +
    'Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|' +
    'Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|' +
    'Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|' +
    'Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|' +
    'Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|South Korea|Korea|North Macedonia|Norway|' +
    'Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|' +
    'Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|' +
    'South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|' +
    'Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|' +
    'United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|' +
    'United States of America|US|U.S.|USA|America|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|' +
    'Zimbabwe|Greenland|Hong Kong|Macau|Gaza|Gaza Strip|West Bank|Crimea|Kashmir|Tibet|Xinjiang|Puerto Rico|' +
    'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|' +
    'Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|' +
    'Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|' +
    'Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|' +
    'West Virginia|Wisconsin|Wyoming|Europe|Asia|Africa|North America|South America|Latin America|' +
    'Middle East|Gulf|Persian Gulf|Caribbean|Balkans|Scandinavia|Arctic|Antarctica|Pacific|Atlantic|' +
    'Indo-Pacific|Siberia|Sahara|Sahel|Washington|London|Paris|Berlin|Tokyo|Beijing|Shanghai|Moscow|Kyiv|Kiev|' +
    'Brussels|Geneva|Zurich|Frankfurt|Madrid|Rome|Milan|Vienna|Warsaw|Prague|Budapest|Athens|Istanbul|Ankara|' +
    'Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Abu Dhabi|Doha|Delhi|New Delhi|Mumbai|' +
    'Karachi|Islamabad|Kabul|Dhaka|Bangkok|Jakarta|Manila|Seoul|Pyongyang|Taipei|Hanoi|Sydney|Melbourne|' +
    'Canberra|Auckland|Wellington|Toronto|Ottawa|Montreal|Vancouver|Mexico City|Havana|Caracas|Bogota|Lima|' +
    'Santiago|Buenos Aires|Rio de Janeiro|Sao Paulo|Brasilia|Lagos|Nairobi|Johannesburg|Cape Town|Addis Ababa|' +
    'Chicago|Los Angeles|San Francisco|Boston|Miami|Houston|Dallas|Atlanta|Seattle|Detroit|Philadelphia|' +
    'Las Vegas|Denver|Silicon Valley|Wall Street|Manchester|Liverpool|Birmingham|Glasgow|Edinburgh|Cardiff|' +
    'Belfast|Dublin|Amsterdam|Stockholm|Oslo|Copenhagen|Helsinki|Lisbon|Barcelona|Munich|Hamburg|Osaka|Kyoto|' +
    'Shenzhen|Guangzhou|Wuhan|Chongqing|Singapore City|Kuala Lumpur|Minsk|Tbilisi|Yerevan|Baku|Tashkent|Astana|' +
    'Davos|Strasbourg|Luxembourg City|The Hague|Westminster|Downing Street|Capitol Hill|Pentagon|Kremlin|' +
    // Capitals not listed above.
    'Tirana|Algiers|Luanda|Yerevan|Nassau|Manama|Minsk|Porto-Novo|Thimphu|La Paz|Sarajevo|Gaborone|' +
    "Sofia|Ouagadougou|Gitega|Phnom Penh|Yaounde|Bangui|N'Djamena|Kinshasa|Brazzaville|San Jose|Zagreb|" +
    'Nicosia|Santo Domingo|Quito|San Salvador|Asmara|Tallinn|Mbabane|Suva|Libreville|Banjul|Accra|' +
    'Guatemala City|Conakry|Georgetown|Port-au-Prince|Tegucigalpa|Reykjavik|Baghdad|Kingston|Amman|' +
    'Bishkek|Vientiane|Riga|Maseru|Monrovia|Tripoli|Vilnius|Antananarivo|Lilongwe|Bamako|Valletta|' +
    'Nouakchott|Port Louis|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Yangon|Windhoek|Kathmandu|' +
    'Managua|Niamey|Abuja|Skopje|Muscat|Panama City|Port Moresby|Asuncion|Bucharest|Kigali|Dakar|Belgrade|' +
    'Freetown|Bratislava|Ljubljana|Mogadishu|Pretoria|Juba|Colombo|Khartoum|Paramaribo|Dushanbe|Dodoma|' +
    'Lome|Tunis|Ashgabat|Kampala|Montevideo|Caracas|Sanaa|Aden|Lusaka|Harare|Bern|Canterbury|Oxford|Cambridge|' +
    'Bristol|Leeds|Sheffield|Newcastle|Nottingham|Leicester|Brighton|Southampton|Aberdeen|Dundee|Swansea',
);

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS = set(
  'Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|Limited|LLC|PLC|plc|AG|SA|NV|GmbH|Group|Holdings|' +
    'Bank|Reserve|Ministry|Department|Agency|Council|Committee|Commission|Court|Parliament|Congress|Senate|' +
    'Assembly|Institute|Institution|Foundation|Organization|Organisation|Union|Association|Federation|League|' +
    'University|College|School|Party|Authority|Office|Board|Bureau|Service|Services|Police|Army|Navy|Force|' +
    'Forces|Fund|Trust|Exchange|Airlines|Airways|Motors|Industries|Technologies|Systems|Partners|Capital|' +
    'Securities|Pharmaceuticals|Energy|Petroleum|Network|Times|Post|Journal|News|Press|Broadcasting|Club|' +
    'Reporter|Herald|Tribune|Gazette|Chronicle|Magazine|Telegraph|Observer|Examiner|Inquirer|' +
    'United|City|Rovers|Athletic|Hospital|Church|Initiative|Alliance|Coalition|Treasury|Cabinet|Administration|' +
    'Secretariat|Tribunal|Monetary Fund|Nations|Watch|International|Labs|Studios|Records|Entertainment|Media|' +
    // Events and competitions are listed with organisations.
    'Express|Open|Cup|Games|Championship|Championships|Olympics|Festival|Awards|Summit|Conference|Marathon|Prix|' +
    // Institutions that are also buildings count as organisations ("MetroHealth Medical Center").
    'Center|Centre|Clinic|Museum|Gallery|Theatre|Theater|Library|Robotics|Expo',
);

/** Last words that make a capitalised phrase a place: "Atlantic Ocean", "Downing Street". */
export const PLACE_HEADS = set(
  'Ocean|Sea|River|Mountains|Mountain|Valley|Bay|Island|Islands|Lake|Desert|Coast|Peninsula|Strait|Canal|' +
    'Street|Streets|Avenue|Road|Square|Bridge|Province|County|Airport|Heights|Hills|Beach|Harbour|Harbor|' +
    'Stream|Current|Falls|Park|Forest|Canyon|Glacier|Reef|Gulf|Basin|Delta|Plains|Highlands|Region|District|' +
    'Stadium|Arena|Palace|Hotel|Tower|Station|Prison|Cathedral|Mosque|Temple|Hall',
);

/**
 * Last words of capitalised phrases that name a thing rather than a person: a flight, a show, a pact.
 * Such a phrase is no key fact ("Germanwings Flight", "Barbie Doll", "Harbor Compact").
 */
export const THING_HEADS = set(
  'Flight|Ship|Doll|Show|Series|Album|Song|Film|Movie|Novel|Book|Award|Prize|Trophy|' +
    'Compact|Pact|Accord|Accords|Treaty|Agreement|Act|Bill|Protocol|Declaration|Doctrine|Plan|' +
    // Wars, holidays and periods: "Second World War", "Labor Day", "New Year".
    'War|Wars|Day|Eve|Week|Weekend|Year|Season|Era',
);

/** Well-known organisations written as one word or an acronym. */
export const KNOWN_ORGS = set(
  'NATO|UN|U.N.|EU|E.U.|IMF|WTO|WHO|OPEC|Opec|ASEAN|G7|G20|BRICS|OECD|FBI|CIA|NSA|NASA|SEC|FDA|EPA|Pentagon|' +
    'Fed|ECB|BoE|BoJ|IAEA|UNICEF|UNESCO|FIFA|UEFA|IOC|BBC|CNN|Reuters|AP|AFP|Bloomberg|Google|Alphabet|Apple|' +
    'Microsoft|Amazon|Meta|Facebook|Instagram|WhatsApp|Twitter|Tesla|Nvidia|Intel|AMD|IBM|Oracle|Samsung|Sony|' +
    'Toyota|Honda|Nissan|Volkswagen|BMW|Ford|Boeing|Airbus|Huawei|Alibaba|Tencent|TikTok|ByteDance|OpenAI|' +
    'Netflix|Disney|Uber|Shell|BP|Exxon|ExxonMobil|Chevron|Aramco|Gazprom|Rosneft|Pfizer|Moderna|Novartis|Nestle|' +
    'Unilever|Walmart|HSBC|Barclays|Goldman Sachs|JPMorgan|Citigroup|Morgan Stanley|Hamas|Hezbollah|Taliban|' +
    'Kremlin|Labour|Conservatives|Tories|Democrats|Republicans|Congress|Parliament|Senate|Nasdaq|Nikkei|SoftBank|' +
    'Vodafone|Nokia|Ericsson|Siemens|Spotify|AOL|Yahoo|eBay|PayPal|Visa|Mastercard|Arsenal|Chelsea|Liverpool FC',
);

/** Titles and roles that come right before a person's name ("Commerce Secretary Howard Lutnick"). */
export const TITLES = set(
  'Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Prof|Prof.|Sir|Dame|Lord|Lady|President|Vice President|Prime Minister|' +
    'Minister|Secretary|Chancellor|Governor|Gov.|Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|' +
    'Mayor|Judge|Justice|Chairman|Chairwoman|Chair|Chief|Executive|CEO|Director|Commissioner|Ambassador|King|' +
    'Queen|Prince|Princess|Pope|General|Gen.|Lt.|Colonel|Col.|Captain|Capt.|Sgt.|Officer|Detective|Inspector|' +
    'Coach|Manager|Spokesman|Spokeswoman|Spokesperson|Leader|Premier|Speaker|Chief Executive|Founder|' +
    'Economist|Analyst|Professor|Rev.|Reverend|Father|Sheikh|Emir|Crown Prince|Attorney|Attorney General|' +
    'MP|Democrat|Republican|Commander|Superintendent|Sergeant|Detective Sergeant|Constable|Senior Constable',
);

/** Capitalised words that are never a name on their own (sentence openers, nationalities, months…). */
export const NOT_NAMES = set(
  'The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|But|And|Or|So|Yet|If|When|' +
    'While|After|Before|As|At|In|On|For|From|By|With|Without|Since|Until|According|However|Meanwhile|Still|Also|' +
    'Now|Then|Today|Yesterday|Tomorrow|Last|Next|Some|Many|Most|More|Several|Few|All|Both|Each|Every|Such|Other|' +
    'Another|No|Not|Only|Even|Just|One|Two|Three|What|Who|Why|How|Where|Which|Despite|Although|Though|Earlier|' +
    'Later|Instead|Indeed|Thus|Additional|Officials|Police|Analysts|Experts|Critics|Investors|People|There|Here|' +
    'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|' +
    'August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|' +
    'American|Americans|British|Chinese|Japanese|Russian|Russians|Ukrainian|European|Europeans|French|German|' +
    'Germans|Italian|Spanish|Indian|Israeli|Israelis|Palestinian|Palestinians|Iranian|Iraqi|Syrian|Turkish|' +
    'Korean|Canadian|Mexican|Brazilian|Australian|African|Asian|Arab|Western|Eastern|Northern|Southern|' +
    'English|Scottish|Welsh|Irish|Dutch|Swiss|Swedish|Norwegian|Danish|Polish|Greek|Saudi|Egyptian|Pakistani|' +
    'Afghan|Thai|Vietnamese|Indonesian|Filipino|Christmas|Easter|Ramadan|Internet|Web|Covid|COVID-19|Brexit|' +
    'Read|Click|Follow|Watch|Scroll|Photo|Picture|Image|Video|Getty|Images|Pictured|Update|Updated|Published',
);
