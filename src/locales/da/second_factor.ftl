# second_factor
# Totrinsbekræftelse (issue 17): koden fra appen, gendannelseskoder, kontosiden.
# Overskrifter har en blød bindestreg (U+00AD) i »totrins­bekræftelse«: ved 320 px deles ordet der.

nav-account = Din konto
account-title = Din konto
account-who = Du er logget ind som { $name } ({ $email }). Din rolle: { $role }.

## Koden ved login

sf-code-title = Skriv koden fra din app
sf-code-intro = Din adgangskode er rigtig. Åbn appen til koder på din telefon, og skriv den kode, den viser for deltag.
sf-code-label = Kode fra appen
sf-code-hint = 6 cifre. Appen viser en ny kode hvert 30. sekund.
sf-code-button = Log ind
sf-use-recovery = Brug en gendannelseskode
sf-recovery-intro = Har du ikke din telefon? Skriv en af de gendannelseskoder, du fik, da du satte totrinsbekræftelse op. Hver kode virker kun én gang.
sf-recovery-label = Gendannelseskode
sf-recovery-hint = 10 tegn, fx K7QMX-2XPDA. Store og små bogstaver er lige gode.
sf-recovery-button = Log ind med gendannelseskoden
sf-no-phone-no-codes = Har du hverken telefonen eller dine koder? Bed en administrator om at nulstille din totrinsbekræftelse. Så kan du sætte den op igen.
sf-code-expired = Der gik for lang tid. Log ind igen med din adgangskode.
sf-error-code-form = Skriv de 6 cifre fra appen
sf-error-code-wrong = Koden passer ikke. Skriv den kode, appen viser lige nu.
sf-error-recovery-form = Skriv en gendannelseskode på 10 tegn
sf-error-recovery-wrong = Gendannelseskoden passer ikke, eller den er brugt før

## Sæt op

sf-setup-title = Sæt totrins­bekræftelse op
sf-setup-title-new-phone = Sæt en ny telefon op
sf-setup-intro-admin = Som administrator skal du bruge en kode fra din telefon, når du logger ind. Så kan ingen komme ind med din adgangskode alene. Det tager et par minutter at sætte op.
sf-setup-intro-required = Din konto skal have totrinsbekræftelse: en kode fra din telefon, når du logger ind. Så kan ingen komme ind med din adgangskode alene. Det tager et par minutter at sætte op.
sf-setup-intro = Med totrinsbekræftelse skriver du også en kode fra din telefon, når du logger ind. Så kan ingen komme ind med din adgangskode alene.
sf-setup-intro-new-phone = Når du har skrevet en kode fra den nye telefon, holder den gamle op med at virke. Du får også nye gendannelseskoder.
sf-step-app = 1. Hent en app til koder
sf-step-app-text = Har du ikke en app til koder på telefonen, så hent en gratis. For eksempel Microsoft Authenticator, Google Authenticator eller FreeOTP.
sf-step-scan = 2. Scan QR-koden
sf-step-scan-text = Åbn appen, og vælg at tilføje en konto. Scan så QR-koden med telefonens kamera.
sf-qr-alt = QR-kode til din app. Kan du ikke scanne den, så brug koden med bogstaver og tal under den.
sf-step-type-text = Kan du ikke scanne? Vælg at skrive en kode i appen i stedet, og skriv:
sf-step-type-hint = Mellemrummene gør den bare lettere at læse. Spørger appen, så vælg »tidsbaseret«.
sf-step-confirm = 3. Skriv koden fra appen
sf-step-confirm-hint = 6 cifre. Appen viser nu en kode for deltag. Den skifter hvert 30. sekund.
sf-setup-button = Slå totrinsbekræftelse til
sf-error-setup-wrong = Koden passer ikke. Tjek, at du har scannet QR-koden på denne side, og skriv den kode, appen viser lige nu.

## Gendannelseskoder

sf-enabled-title = Totrins­bekræftelse er slået til
sf-enabled-text = Næste gang du logger ind, skriver du en kode fra appen efter din adgangskode.
sf-new-codes-title = Nye gendannelseskoder
sf-codes-heading = Dine gendannelseskoder
sf-codes-text = Mister du din telefon, kan du logge ind med en af disse koder i stedet. Hver kode virker én gang.
sf-codes-once = Du kan kun se koderne her og nu. Skriv dem ned eller udskriv siden, og gem dem et sikkert sted – ikke på telefonen.
sf-codes-print = Udskriv siden: tryk Ctrl+P (på Mac: Cmd+P).
sf-continue = Fortsæt

## Din konto

sf-recovery-used = { $count ->
    [one] Du er logget ind med en gendannelseskode. Du har 1 kode tilbage.
   *[other] Du er logget ind med en gendannelseskode. Du har { $count } koder tilbage.
}
sf-recovery-used-lost = Har du mistet din telefon, så sæt en ny telefon op her. Løber du tør for koder, så lav nye.
sf-account-heading = Totrins­bekræftelse
sf-account-on = Totrinsbekræftelse er slået til siden { $date }.
sf-account-codes-left = { $count ->
    [one] Du har 1 ubrugt gendannelseskode.
   *[other] Du har { $count } ubrugte gendannelseskoder.
}
sf-account-new-phone = Sæt en ny telefon op
sf-account-new-codes-heading = Nye gendannelseskoder
sf-account-new-codes-text = Har du brugt eller mistet dine koder, så lav ti nye. De gamle holder op med at virke.
sf-account-new-codes-button = Lav nye gendannelseskoder
sf-account-off = Totrinsbekræftelse er ikke slået til. Med den skriver du også en kode fra din telefon, når du logger ind. Så kan ingen komme ind med din adgangskode alene.
sf-account-turn-on = Slå totrinsbekræftelse til

## Brugere (administratorer)

sf-users-on = Totrins­bekræftelse
sf-reset = Nulstil totrinsbekræftelse
sf-reset-warning = Gør det kun, hvis { $name } har mistet sin telefon og sine gendannelseskoder. { $name } bliver logget ud, og den gamle telefon og de gamle koder holder op med at virke. Kræver rollen totrinsbekræftelse, sætter { $name } den op igen ved næste login.
sf-reset-confirm = Ja, nulstil for { $name }
notice-second-factor-reset = Totrinsbekræftelsen er nulstillet, og personen er logget ud.
