"""Every Dutch text of the agreement check, in one place for a reviewer to read."""

# Why a file is not read. {limit} and {pages} are filled with numbers, never with file content.
TOO_LARGE = (
    "Dit bestand is te groot om te controleren: de grens is {limit}. Verklein het bestand, "
    "bijvoorbeeld door afbeeldingen weg te laten, of plak de tekst van de overeenkomst in het "
    "tekstvak."
)
TOO_MANY_PAGES = (
    "Dit document is te lang om te controleren: de grens is {pages} pagina's. Upload alleen de "
    "samenwerkingsovereenkomst zelf, zonder lange bijlagen."
)
EMPTY = "Het bestand is leeg. Kies het bestand met de tekst van uw overeenkomst."
UNKNOWN_TYPE = (
    "Dit soort bestand kan ik niet lezen. Upload de overeenkomst als Word-bestand (.docx), als "
    "pdf met tekst, als OpenDocument-tekst (.odt) of als platte tekst (.txt), of plak de tekst in "
    "het tekstvak."
)
OLD_WORD = (
    "Dit is een ouder Word-bestand (.doc) of een beveiligd Office-bestand. Open het in Word, sla "
    "het op als Word-document (.docx) zonder wachtwoord en upload het opnieuw."
)
ZIP_BOMB = (
    "Dit bestand pakt uit tot veel meer dan zijn eigen grootte en wordt daarom niet gelezen. "
    "Sla het document opnieuw op in Word of LibreOffice en upload het nog eens."
)
MACROS = (
    "Dit document bevat macro's. Om veiligheidsredenen lees ik het niet. Sla het op als gewoon "
    "Word-document (.docx) of OpenDocument-tekst (.odt) zonder macro's en upload het opnieuw."
)
ENCRYPTED = (
    "Deze pdf is beveiligd met een wachtwoord of versleuteld. Sla het document op zonder "
    "beveiliging en upload het opnieuw, of plak de tekst in het tekstvak."
)
DAMAGED = (
    "Dit bestand is beschadigd en kan niet worden gelezen. Sla het document opnieuw op vanuit "
    "het programma waarin het is gemaakt en upload het nog eens."
)
SCAN = (
    "In deze pdf staat geen tekst die ik kan lezen; waarschijnlijk is het een scan. Upload het "
    "originele document (Word, OpenDocument of een pdf met tekst), of plak de tekst in het "
    "tekstvak."
)
NO_TEXT = (
    "In dit document staat (bijna) geen tekst. Controleer of u het juiste bestand hebt gekozen."
)

# How the statuses are said, in the chat and in the report.
STATUS_NAMES = {
    "covered": "geregeld",
    "partly": "deels geregeld",
    "missing": "ontbreekt",
    "unsure": "onzeker, controleer dit zelf",
    "not_applicable": "niet van toepassing",
}
NOTE_MISSING_ELEMENTS = "Niet gevonden: {elements}."
NOTE_DEFERRED = "De tekst stelt de afspraak uit of laat haar open."
NOTE_SCATTERED = (
    "De onderdelen staan verspreid door het document; ik weet niet zeker of ze samen de afspraak "
    "vormen die de wet vraagt."
)
NOTE_HEADING_ONLY = "Er is een kopje voor dit onderwerp, maar ik vond er geen afspraak onder."
NOTE_NO_TRANSFER = "Volgens het document wordt er geen bekostiging overgedragen."
NOTE_NO_EXTRA = (
    "Volgens het document zijn er geen aanvullende afspraken over medezeggenschap gemaakt; dat "
    "mag, want dit onderwerp geldt alleen als zulke afspraken zijn gemaakt."
)
NOTE_NOT_MADE_UNSURE = (
    "Medezeggenschap wordt genoemd, maar ik vond geen aanvullende afspraak en ook geen zin dat "
    "die er niet is."
)

# Facts about the document.
KIND_NAMES = {
    "agreement": "samenwerkingsovereenkomst",
    "interne_regeling": "interne regeling",
    "addendum": "aanvulling op een samenwerkingsovereenkomst",
    "unknown": "niet vastgesteld",
}
ROUTE_NAMES = {
    "doorlopende_leerroute": "doorlopende leerroute vmbo-mbo",
    "geintegreerd_onderwijsprogramma": "geïntegreerd onderwijsprogramma",
    "vakmanschapsroute": "vakmanschapsroute",
    "unknown": "niet vastgesteld",
}
FUNDING_YES = "Ja, er wordt bekostiging overgedragen."
FUNDING_NO = "Nee, er wordt geen bekostiging overgedragen."
FUNDING_UNKNOWN = "Niet vastgesteld: het document zegt niet duidelijk of er bekostiging wordt overgedragen."
NOT_FOUND = "niet gevonden"

# The report (Markdown and Word) and the chat reply.
REPORT_TITLE = "Controle van uw samenwerkingsovereenkomst"
REPORT_INTRO = (
    "Dit overzicht vergelijkt uw document met de onderwerpen a tot en met j waarover de wet "
    "afspraken vraagt. Het is gemaakt door een automatische controle en vervangt geen juridisch "
    "advies: bespreek het met uw partner en controleer vooral de onderwerpen die 'deels "
    "geregeld', 'ontbreekt' of 'onzeker' zijn."
)
REPORT_FACTS = "Wat ik in het document vond"
REPORT_TOPICS = "De onderwerpen a tot en met j"
REPORT_SUMMARY = "{covered} van de 10 onderwerpen zijn geregeld. {rest}"
REPORT_ALL_COVERED = "Voor alle onderwerpen vond ik een afspraak."
REPORT_TO_COMPLETE = "Aan te vullen of te controleren: {topics}."
LABEL_PARTIES_VMBO = "Bevoegd gezag van de school (vmbo)"
LABEL_PARTIES_MBO = "Bevoegd gezag van de instelling (mbo)"
LABEL_PARTIES_OTHER = "Andere genoemde partijen"
LABEL_KIND = "Soort document"
LABEL_ROUTE = "Soort route"
LABEL_FUNDING = "Overdracht van bekostiging"
LABEL_AMOUNT = "Omvang"
LABEL_DESTINATION = "Bestemming"
LABEL_STATUS = "Oordeel"
LABEL_EVIDENCE = "Uit uw document"
LABEL_LAW = "Wat de wet vraagt"
NO_EVIDENCE = "Ik vond geen passage over dit onderwerp."
PLACE_SEPARATOR = ", "
OFFER_COMPLETION = "Wilt u de ontbrekende onderwerpen nu aanvullen?"

# The upload route (channels/agreements.py).
UPLOAD_NO_FILE = (
    "Stuur de overeenkomst als bestand in het veld 'file' (multipart/form-data), of plak de tekst "
    "in het veld 'text'."
)
UPLOAD_FOREIGN_ORIGIN = "Deze pagina mag geen documenten naar de assistent sturen."
UPLOAD_FAILED = (
    "Het controleren van uw document is niet gelukt. Uw document is niet bewaard. Probeert u het "
    "opnieuw, of plak de tekst van de overeenkomst in het tekstvak."
)
REPORT_NOT_FOUND = "Dit overzicht bestaat niet (meer). Laat uw overeenkomst opnieuw controleren."

# The chat: asking for the check, and the reply to a pasted agreement.
CHECK_HOW = (
    "Ik controleer uw bestaande overeenkomst op de onderwerpen a tot en met j die de wet vraagt. "
    "Kies de knop 'Overeenkomst uploaden' naast het tekstvak en kies uw bestand: Word (.docx), "
    "pdf met tekst, OpenDocument-tekst (.odt) of platte tekst (.txt), tot {limit}. U kunt ook de "
    "volledige tekst van de overeenkomst in het tekstvak plakken en versturen. Per onderwerp "
    "hoort u of het geregeld is, deels geregeld of ontbreekt, en u krijgt een overzicht om te "
    "downloaden."
)
CHAT_CHECKED = "Ik heb uw overeenkomst gecontroleerd."
CHAT_TOPIC_LINE = "{topic}. {name}: {status}"
CHAT_TOPIC_PLACE = " ({place})"
CHAT_REPORT = (
    "In het overzicht hieronder staan per onderwerp de passages uit uw document en wat de wet "
    "vraagt. Bespreek het met uw partner."
)

# Completing the missing topics after a check (bot/agreement/completion.py, the chat's actions).
COMPLETE_YES = "Ja, aanvullen"
COMPLETE_NO = "Nee, nu niet"
COMPLETE_HOW = (
    "Hoe wilt u de ontbrekende onderwerpen vastleggen? Kies 'Aanvulling' voor een aanvulling op "
    "de samenwerkingsovereenkomst met alleen de onderwerpen die u aanvult; uw bestaande "
    "overeenkomst blijft dan zoals ze is. Kies 'Nieuwe volledige versie' voor een nieuwe "
    "overeenkomst in het format van de bouwsteen, met wat al in uw overeenkomst staat."
)
COMPLETE_ADDENDUM = "Aanvulling"
COMPLETE_NEW_DRAFT = "Nieuwe volledige versie"
COMPLETE_START_ADDENDUM = (
    "U maakt een aanvulling op uw samenwerkingsovereenkomst. Ik vraag naar de partijen, naar de "
    "onderwerpen die ontbreken of niet volledig zijn ({topics}) en naar de ondertekening. Wat "
    "al in uw overeenkomst staat, laat ik bij de vraag zien: kies 'Behouden' of typ een nieuw "
    "antwoord."
)
COMPLETE_START_DRAFT = (
    "U maakt een nieuwe, volledige versie van uw samenwerkingsovereenkomst. Bij elke vraag laat "
    "ik zien wat al in uw overeenkomst staat: kies 'Behouden' of typ een nieuw antwoord. Naar wat "
    "ontbreekt of niet volledig is ({topics}), vraag ik u."
)
COMPLETE_NOTHING = (
    "Ik heb geen gecontroleerde overeenkomst van u om aan te vullen. Laat uw overeenkomst eerst "
    "controleren: kies 'Overeenkomst uploaden' of plak de tekst in het tekstvak."
)
COMPLETE_ALL_COVERED = (
    "Volgens de controle staan alle onderwerpen al in uw overeenkomst; er is niets aan te vullen."
)
COMPLETE_DECLINED = (
    "Goed. Wat ik uit uw overeenkomst had overgenomen, heb ik verwijderd. Wilt u de ontbrekende "
    "onderwerpen later toch aanvullen, laat uw overeenkomst dan opnieuw controleren."
)
