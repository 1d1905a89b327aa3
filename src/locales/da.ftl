# deltag — dansk (standardsprog og reserve for alle andre sprog).
# Skriv kort, venligt og let læst. Deltagere er voksne.

## Ramme
skip-to-content = Gå til indholdet
footer-text = deltag · Rådet for Socialt Udsatte
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
error-410-title = Siden findes ikke længere
error-410-text = Det, du leder efter, er lukket.
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
