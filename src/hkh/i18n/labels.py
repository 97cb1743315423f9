"""Words that hkh writes into outputs, in bokmål (nb), nynorsk (nn) and English (en).

One table per concept keeps related words together; `text(key, language)` finds a key in any of them. A missing
nynorsk text falls back to bokmål (closest written form), anything else to English, so output never shows a raw key
unless the key itself is wrong (which a test catches).
"""

from __future__ import annotations

from typing import Mapping

Table = Mapping[str, Mapping[str, str]]

STEPS: Table = {
    "request": {"nb": "Avklare forespørsel og mandat", "nn": "Avklare førespurnad og mandat", "en": "Clarify the request"},
    "steering_group": {"nb": "Etablere styrings-/referansegruppe", "nn": "Etablere styrings-/referansegruppe", "en": "Set up a steering group"},
    "initial_consultation": {"nb": "Innledende konsultasjon", "nn": "Innleiande konsultasjon", "en": "Initial consultation"},
    "mapping": {"nb": "Kartlegge problemet og pågående innsats", "nn": "Kartleggje problemet og pågåande innsats", "en": "Map the problem and ongoing efforts"},
    "gap_analysis": {"nb": "Analyse av hull", "nn": "Analyse av hol", "en": "Gap analysis"},
    "final_consultation": {"nb": "Avsluttende konsultasjon", "nn": "Avsluttande konsultasjon", "en": "Final consultation"},
    "report": {"nb": "Rapport med handlingsplan", "nn": "Rapport med handlingsplan", "en": "Report with action plan"},
}

STEP_STATES: Table = {
    "not_started": {"nb": "ikke startet", "nn": "ikkje starta", "en": "not started"},
    "in_progress": {"nb": "pågår", "nn": "pågår", "en": "in progress"},
    "done": {"nb": "ferdig", "nn": "ferdig", "en": "done"},
}

METHODS: Table = {
    "survey": {"nb": "Spørreundersøkelse", "nn": "Spørjeundersøking", "en": "Survey"},
    "target_interview": {"nb": "Intervju med målgruppen", "nn": "Intervju med målgruppa", "en": "Target-group interviews"},
    "service_interview": {"nb": "Intervju med tjenester", "nn": "Intervju med tenester", "en": "Service interviews"},
    "field_reports": {"nb": "Feltrapporter", "nn": "Feltrapportar", "en": "Field reports"},
    "observation": {"nb": "Observasjon", "nn": "Observasjon", "en": "Observation"},
    "statistics": {"nb": "Statistikk", "nn": "Statistikk", "en": "Statistics"},
    "documents": {"nb": "Dokumenter", "nn": "Dokument", "en": "Documents"},
    "initial_consultation": {"nb": "Innledende konsultasjon", "nn": "Innleiande konsultasjon", "en": "Initial consultation"},
    "final_consultation": {"nb": "Avsluttende konsultasjon", "nn": "Avsluttande konsultasjon", "en": "Final consultation"},
}

PLAN: Table = {
    "goal": {"nb": "Delmål", "nn": "Delmål", "en": "Sub-goal"},
    "measure": {"nb": "Forslag til tiltak", "nn": "Forslag til tiltak", "en": "Proposed measure"},
    "responsible": {"nb": "Ansvarlig og involverte", "nn": "Ansvarleg og involverte", "en": "Responsible and involved"},
    "timing": {"nb": "Tid", "nn": "Tid", "en": "Timing"},
    "theme": {"nb": "Tema", "nn": "Tema", "en": "Theme"},
    "addresses": {"nb": "Svarer på", "nn": "Svarar på", "en": "Addresses"},
    "cost": {"nb": "Økonomi", "nn": "Økonomi", "en": "Cost"},
    "status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "contact": {"nb": "Kontaktperson", "nn": "Kontaktperson", "en": "Contact"},
    "plan_sheet": {"nb": "Handlingsplan", "nn": "Handlingsplan", "en": "Action plan"},
    "follow_up_sheet": {"nb": "Funn som bør følges opp", "nn": "Funn som bør følgjast opp", "en": "Findings to follow up"},
    "trace_sheet": {"nb": "Sporing", "nn": "Sporing", "en": "Traceability"},
    "plan_file": {"nb": "handlingsplan", "nn": "handlingsplan", "en": "action-plan"},
    "measure_id": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measure"},
    "finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "statement": {"nb": "Beskrivelse", "nn": "Skildring", "en": "Statement"},
    "strength": {"nb": "Styrke", "nn": "Styrke", "en": "Strength"},
    "follow_up_text": {"nb": "Hva bør følges opp", "nn": "Kva bør følgjast opp", "en": "What to follow up"},
    "lead": {"nb": "Ansvarlig", "nn": "Ansvarleg", "en": "Lead"},
    "involved": {"nb": "Involverte", "nn": "Involverte", "en": "Involved"},
    "none": {"nb": "(ingen)", "nn": "(ingen)", "en": "(none)"},
    "ungrouped": {"nb": "Uten gruppe", "nn": "Utan gruppe", "en": "Ungrouped"},
}

STRENGTH: Table = {
    "single": {"nb": "én kilde", "nn": "éi kjelde", "en": "single source"},
    "triangulated": {"nb": "triangulert", "nn": "triangulert", "en": "triangulated"},
    "robust": {"nb": "robust", "nn": "robust", "en": "robust"},
    "disputed": {"nb": "omstridt", "nn": "omstridd", "en": "disputed"},
    "none": {"nb": "uten belegg", "nn": "utan belegg", "en": "no evidence"},
}

TABLES: tuple[Table, ...] = (STEPS, STEP_STATES, METHODS, PLAN, STRENGTH)


def text(key: str, language: str, *tables: Table) -> str:
    """The label for `key` in `language`, searching the given tables (or all of them)."""
    for table in tables or TABLES:
        entry = table.get(key)
        if entry is None:
            continue
        return entry.get(language) or entry.get("nb" if language == "nn" else "en") or entry.get("en") or key
    return key


def method_label(method: str, language: str) -> str:
    return text(method, language, METHODS)


# ---------------------------------------------------------------- opening hours in words (hkh.project.hours.describe_slots)

HOURS_WORDS: Table = {
    "day_Mo": {"nb": "mandag", "nn": "måndag", "en": "Monday"},
    "day_Tu": {"nb": "tirsdag", "nn": "tysdag", "en": "Tuesday"},
    "day_We": {"nb": "onsdag", "nn": "onsdag", "en": "Wednesday"},
    "day_Th": {"nb": "torsdag", "nn": "torsdag", "en": "Thursday"},
    "day_Fr": {"nb": "fredag", "nn": "fredag", "en": "Friday"},
    "day_Sa": {"nb": "lørdag", "nn": "laurdag", "en": "Saturday"},
    "day_Su": {"nb": "søndag", "nn": "sundag", "en": "Sunday"},
    "day_short_Mo": {"nb": "man", "nn": "mån", "en": "Mon"},
    "day_short_Tu": {"nb": "tir", "nn": "tys", "en": "Tue"},
    "day_short_We": {"nb": "ons", "nn": "ons", "en": "Wed"},
    "day_short_Th": {"nb": "tor", "nn": "tor", "en": "Thu"},
    "day_short_Fr": {"nb": "fre", "nn": "fre", "en": "Fri"},
    "day_short_Sa": {"nb": "lør", "nn": "lau", "en": "Sat"},
    "day_short_Su": {"nb": "søn", "nn": "sun", "en": "Sun"},
    "and": {"nb": "og", "nn": "og", "en": "and"},
    "every_day": {"nb": "alle dager", "nn": "alle dagar", "en": "every day"},
    "every_night": {"nb": "hver natt", "nn": "kvar natt", "en": "every night"},
    "night_to": {"nb": "natt til", "nn": "natt til", "en": "overnight into"},
    "all_day": {"nb": "hele døgnet", "nn": "heile døgeret", "en": "all day"},
    "after": {"nb": "etter", "nn": "etter", "en": "after"},
    "after_midnight": {"nb": "etter midnatt", "nn": "etter midnatt", "en": "after midnight"},
    "before": {"nb": "før", "nn": "før", "en": "before"},
    "until": {"nb": "fram til", "nn": "fram til", "en": "until"},
    "always": {"nb": "hele døgnet, alle dager", "nn": "heile døgeret, alle dagar", "en": "all day, every day"},
    "never": {"nb": "ingen timer", "nn": "ingen timar", "en": "no hours"},
}


# ----------------------------------------------------------------------------------------- the report (hkh.outputs.report.build)
# Sentences carry `{name}` fields filled in by hkh.outputs.report.build; the chapter titles are also what tests look for.

REPORT: Table = {
    # chapters
    "ch_summary": {"nb": "Sammendrag", "nn": "Samandrag", "en": "Summary"},
    "ch_introduction": {"nb": "Innledning", "nn": "Innleiing", "en": "Introduction"},
    "ch_method": {"nb": "Prosess, metode og kilder", "nn": "Prosess, metode og kjelder", "en": "Process, method and sources"},
    "ch_efforts": {"nb": "Eksisterende tiltak", "nn": "Eksisterande tiltak", "en": "Existing efforts"},
    "ch_findings": {"nb": "Funn", "nn": "Funn", "en": "Findings"},
    "ch_analysis": {"nb": "Analyse", "nn": "Analyse", "en": "Analysis"},
    "ch_plan": {"nb": "Handlingsplan", "nn": "Handlingsplan", "en": "Action plan"},
    "ch_follow_up": {"nb": "Funn som bør følges opp", "nn": "Funn som bør følgjast opp", "en": "Findings to follow up"},
    "ch_appendix": {"nb": "Vedlegg: lavterskeltilbud", "nn": "Vedlegg: lågterskeltilbod", "en": "Appendix: low-threshold services"},
    # front matter
    "subtitle": {"nb": "Rapport fra en kartlegging med HKH-metoden (Hurtig kartlegging og handling)",
                 "nn": "Rapport frå ei kartlegging med HKH-metoden (Hurtig kartlegging og handling)",
                 "en": "Report of a mapping with the HKH method (Rapid Assessment and Response)"},
    "contents": {"nb": "Innhold", "nn": "Innhald", "en": "Contents"},
    "commissioner": {"nb": "Oppdragsgiver", "nn": "Oppdragsgivar", "en": "Commissioned by"},
    "area": {"nb": "Område", "nn": "Område", "en": "Area"},
    "period": {"nb": "Periode", "nn": "Periode", "en": "Period"},
    "target_group": {"nb": "Målgruppe", "nn": "Målgruppe", "en": "Target group"},
    "generated": {"nb": "Utkast laget av hkh {version} {date} fra prosjektmappen.",
                  "nn": "Utkast laga av hkh {version} {date} frå prosjektmappa.",
                  "en": "Draft made by hkh {version} on {date} from the project folder."},
    "missing_survey_tables": {"nb": "tabeller fra spørreundersøkelsen", "nn": "tabellar frå spørjeundersøkinga", "en": "survey tables"},
    "missing_survey_charts": {"nb": "figurer fra spørreundersøkelsen", "nn": "figurar frå spørjeundersøkinga", "en": "survey charts"},
    "missing_triangulation": {"nb": "funnenes styrke (triangulering)", "nn": "styrken til funna (triangulering)",
                              "en": "strength of findings (triangulation)"},
    "missing_gaps": {"nb": "analyse av hull", "nn": "analyse av hol", "en": "gap analysis"},
    "missing_heatmap": {"nb": "ukekartet over dekning", "nn": "vekekartet over dekning", "en": "the week heatmap"},
    "missing_parts": {"nb": "Deler som mangler i dette utkastet", "nn": "Delar som manglar i dette utkastet", "en": "Parts missing from this draft"},
    "figure": {"nb": "Figur", "nn": "Figur", "en": "Figure"},
    "table": {"nb": "Tabell", "nn": "Tabell", "en": "Table"},
    # summary
    "summary_draft": {
        "nb": "Utkast: sammendraget er satt sammen automatisk av tallene i prosjektmappen. Kartleggingsteamet skriver det om før rapporten publiseres.",
        "nn": "Utkast: samandraget er sett saman automatisk av tala i prosjektmappa. Kartleggingsteamet skriv det om før rapporten vert publisert.",
        "en": "Draft: this summary was put together automatically from the figures in the project folder. The mapping team rewrites it before the report is published."},
    "summary_mapping": {"nb": "Kartleggingen «{title}» er gjennomført med HKH-metoden{commissioner}.",
                        "nn": "Kartlegginga «{title}» er gjennomført med HKH-metoden{commissioner}.",
                        "en": "The mapping “{title}” was carried out with the HKH method{commissioner}."},
    "summary_commissioner": {"nb": " på oppdrag fra {name}", "nn": " på oppdrag frå {name}", "en": ", commissioned by {name}"},
    "summary_sources": {"nb": "Kilder i alt: {count}, fra {methods} ulike metoder: {list}.",
                        "nn": "Kjelder i alt: {count}, frå {methods} ulike metodar: {list}.",
                        "en": "Sources in all: {count}, from {methods} different methods: {list}."},
    "summary_no_sources": {"nb": "Kilderegisteret (sources.yaml) er ennå tomt.", "nn": "Kjelderegisteret (sources.yaml) er enno tomt.",
                           "en": "The source register (sources.yaml) is still empty."},
    "summary_findings": {"nb": "Funn i alt: {count} (robuste: {robust}, triangulerte: {triangulated}, én kilde: {single}).",
                         "nn": "Funn i alt: {count} (robuste: {robust}, triangulerte: {triangulated}, éi kjelde: {single}).",
                         "en": "Findings in all: {count} (robust: {robust}, triangulated: {triangulated}, single source: {single})."},
    "summary_no_evidence": {"nb": "Funn uten belegg ennå: {count}.", "nn": "Funn utan belegg enno: {count}.",
                            "en": "Findings without evidence so far: {count}."},
    "summary_disputed": {"nb": "Funn med motstridende belegg: {count}.", "nn": "Funn med motstridande belegg: {count}.",
                         "en": "Findings with contradicting evidence: {count}."},
    "summary_robust_list": {"nb": "De robuste funnene er:", "nn": "Dei robuste funna er:", "en": "The robust findings are:"},
    "summary_plan": {"nb": "Handlingsplanen foreslår {measures} tiltak under {goals} delmål.",
                     "nn": "Handlingsplanen føreslår {measures} tiltak under {goals} delmål.",
                     "en": "Measures proposed in the action plan: {measures}, under {goals} sub-goals."},
    "summary_follow_up": {"nb": "Funn som bør følges opp ut over handlingsplanen: {count}.",
                          "nn": "Funn som bør følgjast opp ut over handlingsplanen: {count}.",
                          "en": "Findings to follow up beyond the action plan: {count}."},
    # introduction
    "sec_mandate": {"nb": "Oppdrag og mandat", "nn": "Oppdrag og mandat", "en": "Commission and mandate"},
    "intro_commissioner": {"nb": "Oppdragsgiver for kartleggingen er {name}.", "nn": "Oppdragsgivar for kartlegginga er {name}.",
                           "en": "The mapping was commissioned by {name}."},
    "intro_target_group": {"nb": "Målgruppen for kartleggingen er {text}.", "nn": "Målgruppa for kartlegginga er {text}.",
                           "en": "The target group of the mapping is {text}."},
    "intro_area": {"nb": "Kartleggingen gjelder {text}.", "nn": "Kartlegginga gjeld {text}.", "en": "The mapping covers {text}."},
    "intro_period": {"nb": "Arbeidet pågikk {text}.", "nn": "Arbeidet gjekk føre seg {text}.", "en": "The work took place {text}."},
    "intro_mandate": {"nb": "Ifølge mandatet skal kartleggingen belyse:", "nn": "Ifølgje mandatet skal kartlegginga svare på:",
                      "en": "According to the mandate, the mapping is to cover:"},
    "intro_no_mandate": {"nb": "Mandatet er ikke skrevet inn i hkh.yaml ennå.", "nn": "Mandatet er ikkje skrive inn i hkh.yaml enno.",
                         "en": "The mandate has not been entered in hkh.yaml yet."},
    "intro_plan": {"nb": "Avslutningsvis presenteres forslag til handlingsplan.", "nn": "Til slutt vert det lagt fram forslag til handlingsplan.",
                   "en": "The report ends with a proposed action plan."},
    "sec_team": {"nb": "Kartleggingsteam og styringsgruppe", "nn": "Kartleggingsteam og styringsgruppe", "en": "Team and steering group"},
    "team_intro": {"nb": "Kartleggingsteamet har bestått av:", "nn": "Kartleggingsteamet har vore:", "en": "The mapping team:"},
    "steering_intro": {"nb": "Styringsgruppen har bestått av:", "nn": "Styringsgruppa har vore:", "en": "The steering group:"},
    # method
    "method_intro": {
        "nb": "Hurtig kartlegging og handling (HKH) er utviklet av KoRus Vest Bergen etter Verdens helseorganisasjons metode Rapid Assessment and Response (RAR). Både problemområdet og den pågående innsatsen kartlegges, og informasjon hentes fra flere kvalitative og kvantitative kilder, slik at funn kan kryssjekkes mot hverandre (metodetriangulering). Målet er ikke vitenskapelig perfeksjon, men et godt nok kunnskapsgrunnlag for konkrete og gjennomførbare tiltak.",
        "nn": "Hurtig kartlegging og handling (HKH) er utvikla av KoRus Vest Bergen etter metoden Rapid Assessment and Response (RAR) frå Verdas helseorganisasjon. Både problemområdet og den pågåande innsatsen vert kartlagde, og informasjon vert henta frå fleire kvalitative og kvantitative kjelder, slik at funn kan kryssjekkast mot kvarandre (metodetriangulering). Målet er ikkje vitskapleg perfeksjon, men eit godt nok kunnskapsgrunnlag for konkrete og gjennomførlege tiltak.",
        "en": "Rapid Assessment and Response (RAR, in Norway HKH) was developed by the World Health Organization and adapted by KoRus Vest Bergen. Both the problem and the ongoing efforts are mapped, and information comes from several qualitative and quantitative sources, so that findings can be checked against each other (triangulation). The aim is not scientific perfection but knowledge good enough for concrete, feasible measures."},
    "sec_process": {"nb": "HKH-prosessen", "nn": "HKH-prosessen", "en": "The HKH process"},
    "process_caption": {"nb": "HKH-stegene i kartleggingen", "nn": "HKH-stega i kartlegginga", "en": "The HKH steps of the mapping"},
    "step": {"nb": "Steg", "nn": "Steg", "en": "Step"},
    "state": {"nb": "Status", "nn": "Status", "en": "State"},
    "when": {"nb": "Tidspunkt", "nn": "Tidspunkt", "en": "When"},
    "sec_sources": {"nb": "Metoder og kilder", "nn": "Metodar og kjelder", "en": "Methods and sources"},
    "survey_participation": {
        "nb": "{n} personer deltok i spørreundersøkelsen{when}, hvorav {complete} svarte på alle spørsmålene og {partial} svarte på deler av den.",
        "nn": "{n} personar deltok i spørjeundersøkinga{when}, av dei svarte {complete} på alle spørsmåla og {partial} på delar av ho.",
        "en": "{n} people took part in the survey{when}; {complete} answered every question and {partial} answered part of it."},
    "survey_participation_all": {"nb": "{n} personer deltok i spørreundersøkelsen{when}, og alle svarte på alle spørsmålene.",
                                 "nn": "{n} personar deltok i spørjeundersøkinga{when}, og alle svarte på alle spørsmåla.",
                                 "en": "{n} people took part in the survey{when}, and all of them answered every question."},
    "survey_participation_n": {"nb": "{n} personer deltok i spørreundersøkelsen{when}.",
                               "nn": "{n} personar deltok i spørjeundersøkinga{when}.",
                               "en": "{n} people took part in the survey{when}."},
    "survey_unknown_n": {"nb": "Spørreundersøkelsen «{title}»{when}; antall deltakere er ikke registrert.",
                         "nn": "Spørjeundersøkinga «{title}»{when}; talet på deltakarar er ikkje registrert.",
                         "en": "The survey “{title}”{when}; the number of participants is not recorded."},
    "interviews_target": {"nb": "Det ble gjennomført {n} intervjuer med personer i målgruppen.",
                          "nn": "Det vart gjennomført {n} intervju med personar i målgruppa.",
                          "en": "{n} interviews were held with people in the target group."},
    "interviews_service": {"nb": "Det ble gjennomført {n} intervjuer med aktører fra tjenestene.",
                           "nn": "Det vart gjennomført {n} intervju med aktørar frå tenestene.",
                           "en": "{n} interviews were held with people from the services."},
    "consultation_held": {"nb": "{what} ble holdt {when}{participants}.", "nn": "{what} vart halden {when}{participants}.",
                          "en": "{what} was held {when}{participants}."},
    "consultation_n": {"nb": " med {n} deltakere", "nn": " med {n} deltakarar", "en": " with {n} participants"},
    "participants": {"nb": "Deltakere: {text}", "nn": "Deltakarar: {text}", "en": "Participants: {text}"},
    "n_people": {"nb": "n = {n}", "nn": "n = {n}", "en": "n = {n}"},
    "sec_source_list": {"nb": "Kildeoversikt", "nn": "Kjeldeoversikt", "en": "List of sources"},
    "source_caption": {"nb": "Kildene i kartleggingen", "nn": "Kjeldene i kartlegginga", "en": "The sources of the mapping"},
    "source": {"nb": "Kilde", "nn": "Kjelde", "en": "Source"},
    "method": {"nb": "Metode", "nn": "Metode", "en": "Method"},
    "count_n": {"nb": "Antall", "nn": "Tal", "en": "Number"},
    "sec_analysis_method": {"nb": "Bearbeiding og analyse", "nn": "Arbeid med og analyse av data", "en": "Processing and analysis"},
    "analysis_method": {
        "nb": "Alle data er analysert hver for seg og ved metodetriangulering. Et funn regnes som triangulert når det støttes av minst {triangulated} ulike metoder, og som robust når det støttes av minst {robust}. To kilder av samme slag teller én gang. Funn med motstridende belegg er merket som omstridt.",
        "nn": "Alle data er analyserte kvar for seg og ved metodetriangulering. Eit funn vert rekna som triangulert når det er støtta av minst {triangulated} ulike metodar, og som robust når det er støtta av minst {robust}. To kjelder av same slaget tel éin gong. Funn med motstridande belegg er merkte som omstridde.",
        "en": "All data were analysed separately and by triangulation. A finding counts as triangulated when at least {triangulated} different methods support it, and as robust with at least {robust}. Two sources of the same kind count once. Findings with contradicting evidence are marked as disputed."},
    "privacy": {
        "nb": "Av personvernhensyn vises antall under {min_cell} som «<{min_cell}», også i prosentene som bygger på dem. Fritekstsvar fra spørreundersøkelsen gjengis ikke, og sitater er oppgitt med rolle, ikke navn.",
        "nn": "Av personvernomsyn vert tal under {min_cell} viste som «<{min_cell}», òg i prosentane som byggjer på dei. Fritekstsvar frå spørjeundersøkinga vert ikkje gjevne att, og sitat er oppgjevne med rolle, ikkje namn.",
        "en": "To protect privacy, counts below {min_cell} are shown as “<{min_cell}”, as are the percentages built on them. Open-text survey answers are not reproduced, and quotes are attributed by role, never by name."},
    # efforts
    "efforts_intro": {"nb": "Kartleggingen har registrert {count} tiltak fra {organisations} organisasjoner.",
                      "nn": "Kartlegginga har registrert {count} tiltak frå {organisations} organisasjonar.",
                      "en": "The mapping registered {count} efforts by {organisations} organisations."},
    "efforts_none": {"nb": "Ingen tiltak er registrert i efforts.yaml ennå.", "nn": "Ingen tiltak er registrerte i efforts.yaml enno.",
                     "en": "No efforts are registered in efforts.yaml yet."},
    "other_kind": {"nb": "Andre tiltak", "nn": "Andre tiltak", "en": "Other efforts"},
    "organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "offers": {"nb": "Tilbud", "nn": "Tilbod", "en": "Offers"},
    "target_groups": {"nb": "Målgruppe", "nn": "Målgruppe", "en": "Target group"},
    "areas": {"nb": "Område", "nn": "Område", "en": "Area"},
    "address": {"nb": "Adresse", "nn": "Adresse", "en": "Address"},
    "opening_hours": {"nb": "Åpningstid", "nn": "Opningstid", "en": "Opening hours"},
    "capacity": {"nb": "Kapasitet", "nn": "Kapasitet", "en": "Capacity"},
    "over_capacity": {"nb": "over kapasitet", "nn": "over kapasitet", "en": "over capacity"},
    # findings
    "findings_intro": {
        "nb": "Funnene er ordnet etter punktene i mandatet. For hvert funn vises hvilke kilder som støtter det, hvor mange ulike metoder det bygger på, og tallene fra spørreundersøkelsen der funnet viser til dem.",
        "nn": "Funna er ordna etter punkta i mandatet. For kvart funn er det vist kva kjelder som støttar det, kor mange ulike metodar det byggjer på, og tala frå spørjeundersøkinga der funnet viser til dei.",
        "en": "The findings are ordered by the items of the mandate. Each finding shows the sources that support it, how many different methods it rests on, and the survey figures it cites."},
    "findings_none": {"nb": "Ingen funn er registrert i findings.yaml ennå.", "nn": "Ingen funn er registrerte i findings.yaml enno.",
                      "en": "No findings are registered in findings.yaml yet."},
    "other_findings": {"nb": "Andre funn", "nn": "Andre funn", "en": "Other findings"},
    "strength": {"nb": "Styrke", "nn": "Styrke", "en": "Strength"},
    "strength_methods": {"nb": "{strength}, støttet av {count} {methods_word}: {list}", "nn": "{strength}, støtta av {count} {methods_word}: {list}",
                         "en": "{strength}, supported by {count} {methods_word}: {list}"},
    "method_one": {"nb": "metode", "nn": "metode", "en": "method"},
    "method_many": {"nb": "metoder", "nn": "metodar", "en": "methods"},
    "disputed_by": {"nb": "omstridt: motstridende belegg fra {list}", "nn": "omstridd: motstridande belegg frå {list}",
                    "en": "disputed: contradicting evidence from {list}"},
    "evidence": {"nb": "Kilder", "nn": "Kjelder", "en": "Sources"},
    "contradicts": {"nb": "motstridende", "nn": "motstridande", "en": "contradicts"},
    "survey_table_caption": {"nb": "{text} (n = {base})", "nn": "{text} (n = {base})", "en": "{text} (n = {base})"},
    "option": {"nb": "Svaralternativ", "nn": "Svaralternativ", "en": "Answer"},
    "count": {"nb": "Antall", "nn": "Tal", "en": "Count"},
    "percent": {"nb": "Prosent", "nn": "Prosent", "en": "Per cent"},
    "in_words": {"nb": "Andel i ord", "nn": "Del i ord", "en": "In words"},
    "sec_statistics": {"nb": "Statistikk", "nn": "Statistikk", "en": "Statistics"},
    "stats_source": {"nb": "Kilde: {file}", "nn": "Kjelde: {file}", "en": "Source: {file}"},
    "multiple_note": {"nb": "Flere svar mulig; prosent av dem som svarte.", "nn": "Fleire svar mogleg; prosent av dei som svarte.",
                      "en": "Several answers possible; per cent of those who answered."},
    # analysis
    "sec_triangulation": {"nb": "Triangulering", "nn": "Triangulering", "en": "Triangulation"},
    "triangulation_caption": {"nb": "Funn og metodene som støtter dem", "nn": "Funn og metodane som støttar dei",
                              "en": "Findings and the methods that support them"},
    "triangulation_legend": {"nb": "✓ støtter funnet, ✗ motstridende belegg.", "nn": "✓ støttar funnet, ✗ motstridande belegg.",
                             "en": "✓ supports the finding, ✗ contradicting evidence."},
    "finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "sec_gaps": {"nb": "Behov og pågående innsats", "nn": "Behov og pågåande innsats", "en": "Needs and ongoing efforts"},
    "gaps_intro": {
        "nb": "Analysen av hull holder behovene i funnene opp mot tiltakene som er kartlagt: hvilke behov ingen tiltak dekker, og til hvilke tider på uka behovet ikke er dekket.",
        "nn": "Analysen av hol held behova i funna opp mot tiltaka som er kartlagde: kva behov ingen tiltak dekkjer, og når i veka behovet ikkje er dekt.",
        "en": "The gap analysis holds the needs in the findings against the efforts mapped: which needs no effort meets, and at which hours of the week a need is not covered."},
    "no_effort_intro": {"nb": "Behov som ingen av de kartlagte tiltakene tilbyr:", "nn": "Behov som ingen av dei kartlagde tiltaka tilbyr:",
                        "en": "Needs that none of the mapped efforts offers:"},
    "uncovered_intro": {"nb": "Tider da behovet ikke er dekket:", "nn": "Tider då behovet ikkje er dekt:", "en": "Hours when the need is not covered:"},
    "no_gaps": {"nb": "Alle behov er dekket av minst ett tiltak i tidsrommene de gjelder.",
                "nn": "Alle behov er dekte av minst eitt tiltak i tidsromma dei gjeld.",
                "en": "Every need is covered by at least one effort in the hours it applies to."},
    "heatmap_caption": {"nb": "Dekning gjennom uka: behov og tiltak time for time", "nn": "Dekning gjennom veka: behov og tiltak time for time",
                        "en": "Coverage through the week: needs and efforts hour by hour"},
    "sec_overlaps": {"nb": "Overlapp", "nn": "Overlapp", "en": "Overlaps"},
    "overlaps_intro": {"nb": "Tider da flere tiltak tilbyr det samme i samme område:", "nn": "Tider då fleire tiltak tilbyr det same i same område:",
                       "en": "Hours when several efforts offer the same thing in the same area:"},
    "no_overlaps": {"nb": "Ingen overlapp er funnet.", "nn": "Ingen overlapp er funne.", "en": "No overlaps were found."},
    "sec_capacity": {"nb": "Kapasitet", "nn": "Kapasitet", "en": "Capacity"},
    "capacity_intro": {"nb": "Tiltak som er meldt å være over kapasitet:", "nn": "Tiltak som er melde å vere over kapasitet:",
                       "en": "Efforts reported to be over capacity:"},
    "no_capacity": {"nb": "Ingen tiltak er meldt å være over kapasitet.", "nn": "Ingen tiltak er melde å vere over kapasitet.",
                    "en": "No effort is reported to be over capacity."},
    "sec_unaddressed": {"nb": "Funn og behov uten tiltak i planen", "nn": "Funn og behov utan tiltak i planen",
                        "en": "Findings and needs no measure addresses"},
    "unaddressed_intro": {"nb": "Ingen tiltak i handlingsplanen svarer på:", "nn": "Ingen tiltak i handlingsplanen svarar på:",
                          "en": "No measure of the action plan addresses:"},
    "no_unaddressed": {"nb": "Alle funn og behov er fulgt opp av minst ett tiltak i handlingsplanen.",
                       "nn": "Alle funn og behov er følgde opp av minst eitt tiltak i handlingsplanen.",
                       "en": "Every finding and need is addressed by at least one measure of the action plan."},
    # plan
    "plan_intro": {
        "nb": "Handlingsplanen gir konkrete og realistiske forslag til tiltak som kan settes i verk av oppdragsgiver eller andre for å redusere problemene som er kartlagt. Forslagene bygger på informasjonen og dialogen med aktørene gjennom hele kartleggingen.",
        "nn": "Handlingsplanen gjev konkrete og realistiske forslag til tiltak som oppdragsgivar eller andre kan setje i verk for å redusere problema som er kartlagde. Forslaga byggjer på informasjonen og dialogen med aktørane gjennom heile kartlegginga.",
        "en": "The action plan proposes concrete and realistic measures that the commissioner or others can put in place to reduce the problems mapped. The proposals build on the information and dialogue with the parties throughout the mapping."},
    "plan_caption": {"nb": "Forslag til handlingsplan", "nn": "Forslag til handlingsplan", "en": "Proposed action plan"},
    "plan_empty": {"nb": "Handlingsplanen (plan.yaml) har ingen tiltak ennå.", "nn": "Handlingsplanen (plan.yaml) har ingen tiltak enno.",
                   "en": "The action plan (plan.yaml) has no measures yet."},
    # follow-up
    "follow_up_intro": {
        "nb": "Noen funn krever en mer sammensatt innsats enn en handlingsplan kan romme. De bør vies oppmerksomhet framover.",
        "nn": "Nokre funn krev ein meir samansett innsats enn ein handlingsplan kan romme. Dei bør få merksemd framover.",
        "en": "Some findings need a more complex effort than an action plan can hold. They deserve attention in the time ahead."},
    "follow_up_none": {"nb": "Ingen funn er ført opp for oppfølging i plan.yaml.", "nn": "Ingen funn er førte opp for oppfølging i plan.yaml.",
                       "en": "No findings are listed for follow-up in plan.yaml."},
    "follow_up_item": {"nb": "Oppfølging {n}", "nn": "Oppfølging {n}", "en": "Follow-up {n}"},
    # appendix
    "appendix_intro": {"nb": "Liste over lavterskeltilbud til målgruppen, med åpningstider.",
                       "nn": "Liste over lågterskeltilbod til målgruppa, med opningstider.",
                       "en": "The low-threshold services for the target group, with their opening hours."},
    "appendix_none": {"nb": "Ingen tiltak er merket som lavterskeltilbud (low_threshold: true) i efforts.yaml.",
                      "nn": "Ingen tiltak er merkte som lågterskeltilbod (low_threshold: true) i efforts.yaml.",
                      "en": "No effort is marked as low-threshold (low_threshold: true) in efforts.yaml."},
    "need": {"nb": "Behov", "nn": "Behov", "en": "Need"},
    "need_window": {"nb": "Når behovet gjelder", "nn": "Når behovet gjeld", "en": "When the need applies"},
    "no_effort_caption": {"nb": "Behov uten tilbud", "nn": "Behov utan tilbod", "en": "Needs without any effort"},
    "not_covered": {"nb": "Ikke dekket", "nn": "Ikkje dekt", "en": "Not covered"},
    "hours_per_week": {"nb": "Timer per uke", "nn": "Timar per veke", "en": "Hours a week"},
    "efforts_answering": {"nb": "Tiltak", "nn": "Tiltak", "en": "Efforts"},
    "uncovered_caption": {"nb": "Tider da behovene ikke er dekket", "nn": "Tider då behova ikkje er dekte",
                          "en": "Hours when the needs are not covered"},
    "overlaps_caption": {"nb": "Overlapp mellom tiltak", "nn": "Overlapp mellom tiltak", "en": "Overlaps between efforts"},
    "capacity_needs": {"nb": "Behov som avhenger av tiltaket: {list}", "nn": "Behov som er avhengige av tiltaket: {list}",
                       "en": "Needs that depend on it: {list}"},
    "kind": {"nb": "Type", "nn": "Type", "en": "Kind"},
    "kind_finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "kind_need": {"nb": "Behov", "nn": "Behov", "en": "Need"},
    "kind_measure": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measure"},
    "description": {"nb": "Beskrivelse", "nn": "Skildring", "en": "Description"},
    "reason": {"nb": "Merknad", "nn": "Merknad", "en": "Note"},
    "unaddressed_caption": {"nb": "Funn og behov som ingen tiltak svarer på", "nn": "Funn og behov som ingen tiltak svarar på",
                            "en": "Findings and needs no measure addresses"},
    "report_file": {"nb": "rapport", "nn": "rapport", "en": "report"},
}

MONTHS: Table = {
    str(number): {"nb": nb, "nn": nb, "en": en}
    for number, (nb, en) in enumerate(
        [("januar", "January"), ("februar", "February"), ("mars", "March"), ("april", "April"), ("mai", "May"),
         ("juni", "June"), ("juli", "July"), ("august", "August"), ("september", "September"),
         ("oktober", "October"), ("november", "November"), ("desember", "December")],
        start=1,
    )
}


# Survey tables (hkh survey): workbook, terminal and evidence sentences. Looked up with text(key, language, SURVEY).
SURVEY: Table = {
    "workbook_file": {"nb": "sporreundersokelse.xlsx", "nn": "sporreundersokelse.xlsx", "en": "survey.xlsx"},
    "figures_dir": {"nb": "figurer", "nn": "figurer", "en": "figures"},
    "index_sheet": {"nb": "Oversikt", "nn": "Oversikt", "en": "Index"},
    "index_title": {"nb": "Tabeller fra spørreundersøkelsen", "nn": "Tabellar frå spørjeundersøkinga", "en": "Survey tables"},
    "question": {"nb": "Spørsmål", "nn": "Spørsmål", "en": "Question"},
    "text": {"nb": "Spørsmålstekst", "nn": "Spørsmålstekst", "en": "Text"},
    "type": {"nb": "Type", "nn": "Type", "en": "Type"},
    "base": {"nb": "Grunnlag (n)", "nn": "Grunnlag (n)", "en": "Base (n)"},
    "sheet": {"nb": "Ark", "nn": "Ark", "en": "Sheet"},
    "code": {"nb": "Kode", "nn": "Kode", "en": "Code"},
    "option": {"nb": "Svaralternativ", "nn": "Svaralternativ", "en": "Option"},
    "count": {"nb": "Antall", "nn": "Tal", "en": "Count"},
    "percent": {"nb": "Prosent", "nn": "Prosent", "en": "Percent"},
    "phrase": {"nb": "Formulering", "nn": "Formulering", "en": "Phrase"},
    "group": {"nb": "Gruppe", "nn": "Gruppe", "en": "Group"},
    "group_base": {"nb": "Grunnlag i gruppen (n)", "nn": "Grunnlag i gruppa (n)", "en": "Group base (n)"},
    "all": {"nb": "Alle", "nn": "Alle", "en": "All"},
    "statistic": {"nb": "Mål", "nn": "Mål", "en": "Statistic"},
    "value": {"nb": "Verdi", "nn": "Verdi", "en": "Value"},
    "mean": {"nb": "Gjennomsnitt", "nn": "Gjennomsnitt", "en": "Mean"},
    "median": {"nb": "Median", "nn": "Median", "en": "Median"},
    "min": {"nb": "Minste", "nn": "Minste", "en": "Minimum"},
    "max": {"nb": "Største", "nn": "Største", "en": "Maximum"},
    "of": {"nb": "av", "nn": "av", "en": "of"},
    "not_in_base": {"nb": "ikke med i grunnlaget", "nn": "ikkje med i grunnlaget", "en": "not in the base"},
    "open_note": {
        "nb": "åpent tekstsvar, {n} svar, vises ikke",
        "nn": "ope tekstsvar, {n} svar, blir ikkje viste",
        "en": "open text, {n} answers, not shown",
    },
    "date_note": {"nb": "dato, {n} svar", "nn": "dato, {n} svar", "en": "date, {n} answers"},
    "no_answer_group": {"nb": "(ikke svart)", "nn": "(ikkje svart)", "en": "(no answer)"},
    "breakdown_refused": {
        "nb": "ingen gruppe har minst {min_cell} svar; fordelingen vises ikke",
        "nn": "inga gruppe har minst {min_cell} svar; fordelinga blir ikkje vist",
        "en": "no group has at least {min_cell} answers; the breakdown is not shown",
    },
    "suppressed_note": {
        "nb": "<{min_cell}: færre enn {min_cell} svar, skjult av personvernhensyn (også tall som ellers kunne regnes ut)",
        "nn": "<{min_cell}: færre enn {min_cell} svar, skjult av omsyn til personvern (også tal som elles kunne reknast ut)",
        "en": "<{min_cell}: fewer than {min_cell} answers, hidden for privacy (also counts that could otherwise be worked out)",
    },
    "multiple_note": {
        "nb": "flere svar mulig: prosent av dem som svarte, kan summere til over 100",
        "nn": "fleire svar moglege: prosent av dei som svarte, kan summere til over 100",
        "en": "several answers allowed: percent of those who answered, may add up to more than 100",
    },
    "type_single": {"nb": "ett svar", "nn": "eitt svar", "en": "single choice"},
    "type_grid_item": {"nb": "ett svar (matrise)", "nn": "eitt svar (matrise)", "en": "single choice (grid)"},
    "type_multiple": {"nb": "flere svar", "nn": "fleire svar", "en": "multiple choice"},
    "type_open": {"nb": "åpent tekstsvar", "nn": "ope tekstsvar", "en": "open text"},
    "type_number": {"nb": "tall", "nn": "tal", "en": "number"},
    "type_date": {"nb": "dato", "nn": "dato", "en": "date"},
    "not_shown": {"nb": "vises ikke", "nn": "blir ikkje vist", "en": "not shown"},
    "cited_title": {"nb": "Tall som funnene viser til", "nn": "Tal som funna viser til", "en": "Figures the findings cite"},
    "cited_finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "cited_question": {"nb": "Spørsmål", "nn": "Spørsmål", "en": "Question"},
    "cited_option": {"nb": "Svaralternativ", "nn": "Svaralternativ", "en": "Option"},
    "cited_figure": {"nb": "Tall", "nn": "Tal", "en": "Figure"},
    "cited_says": {"nb": "Funnet sier", "nn": "Funnet seier", "en": "The finding says"},
}
