import type { Language } from "@/lib/generated/prisma/enums";

export interface CompanyProfile {
  language: Language;
  currency: string;
  country: string;
  names: string[];
  cities: [string, string][]; // [postal code, city]
  streets: string[];
  contacts: string[];
  phonePrefix: string;
}

export const DEMO_COMPANIES: CompanyProfile[] = [
  {
    language: "en",
    currency: "USD",
    country: "United States",
    names: [
      "Acme Fabrication Inc.", "Blue Ridge Logistics LLC", "Cascade Dental Group", "Driftwood Hospitality Co.",
      "Evergreen Packaging Corp.", "Foxhollow Farms", "Granite State Builders", "Harborview Marine Supply",
      "Ironclad Security Systems", "Juniper Health Partners", "Keystone Office Furniture", "Lakeshore Print & Sign",
      "Maple Street Bakery", "Northwind Traders Inc.", "Oakridge Veterinary Clinic", "Pinecrest Landscaping",
      "Quarry Hill Stoneworks", "Redwood Analytics LLC", "Silver Creek Electric", "Tidewater Seafood Co.",
    ],
    cities: [["02108", "Boston, MA"], ["97205", "Portland, OR"], ["78701", "Austin, TX"], ["53202", "Milwaukee, WI"], ["28202", "Charlotte, NC"]],
    streets: ["120 Harbor Street", "45 Commerce Way", "900 Main Street, Suite 210", "17 Industrial Park Road", "3300 Elm Avenue"],
    contacts: ["Jordan Miller", "Avery Chen", "Taylor Brooks", "Morgan Patel", "Casey Johnson"],
    phonePrefix: "+1 555 01",
  },
  {
    language: "it",
    currency: "EUR",
    country: "Italia",
    names: [
      "Officine Meccaniche Bellini S.r.l.", "Caseificio Val di Non", "Studio Associato Ferrari", "Tipografia Rinaldi",
      "Cantine Colli Euganei", "Ferramenta Moretti & Figli", "Edilizia Conti S.p.A.", "Trattoria Da Gino",
      "Laboratorio Ottico Marino", "Arredamenti Galli", "Logistica Adriatica S.r.l.", "Farmacia San Marco",
      "Sartoria Ricci", "Elettroforniture Lombarde", "Agriturismo Il Poggio", "Vetreria Muranese",
      "Pastificio Fratelli De Luca", "Autotrasporti Greco", "Termoidraulica Bruno", "Ceramiche Santini",
    ],
    cities: [["20121", "Milano (MI)"], ["10121", "Torino (TO)"], ["40121", "Bologna (BO)"], ["35121", "Padova (PD)"], ["50123", "Firenze (FI)"]],
    streets: ["Via Garibaldi 12", "Corso Italia 45", "Via Roma 3", "Viale dell'Industria 88", "Piazza Duomo 1"],
    contacts: ["Giulia Rossi", "Marco Bianchi", "Francesca Romano", "Luca Colombo", "Chiara Esposito"],
    phonePrefix: "+39 02 555 01",
  },
  {
    language: "nb",
    currency: "NOK",
    country: "Norge",
    names: [
      "Fjordkraft Montasje AS", "Bryggen Bakeri AS", "Nordlys Regnskap AS", "Trollheimen Transport AS",
      "Kvaløya Fisk AS", "Solberg Rørleggerservice AS", "Bjørkli Barnehage SA", "Havørn Marine AS",
      "Lillehammer Sport & Fritid AS", "Østfold Maskin AS", "Vestland Byggevarer AS", "Tromsø Kaffebrenneri AS",
      "Hamar Elektro AS", "Skogly Gartneri", "Ålesund Møbelsnekkeri AS", "Jæren Landbruk SA",
      "Bodø Havneservice AS", "Grünerløkka Designbyrå AS", "Sørlandet Reiseliv AS", "Mjøsa Trykkeri AS",
    ],
    cities: [["0150", "Oslo"], ["5003", "Bergen"], ["7011", "Trondheim"], ["9008", "Tromsø"], ["4006", "Stavanger"]],
    streets: ["Storgata 14", "Kongens gate 2", "Strandveien 50", "Industriveien 7", "Torggata 23"],
    contacts: ["Ingrid Hansen", "Ola Nordmann", "Kari Johansen", "Lars Berg", "Sigrid Dahl"],
    phonePrefix: "+47 22 55 01",
  },
];
