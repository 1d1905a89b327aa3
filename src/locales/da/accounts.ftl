# Accounts: password rules, forgotten passwords, invitation links.
error-password-invisible = Adgangskoden må ikke kun være mellemrum, og den må ikke have usynlige tegn
error-password-common = Adgangskoden er for let at gætte. Brug fx fire ord, du kan huske, med mellemrum imellem
login-forgot-link = Glemt adgangskode?
forgot-title = Glemt adgangskode
forgot-intro = Skriv den e-mailadresse, du logger ind med. Så sender vi et link, hvor du kan vælge en ny adgangskode. Linket virker i en time.
forgot-send = Send mig et link
forgot-sent = Hvis adressen hører til en konto, har vi sendt en mail med et link. Kig også i uønsket post. Linket virker i en time.
forgot-no-mail = deltag kan ikke sende mail endnu. Bed en administrator om et nyt link til at vælge en adgangskode.
forgot-back = Tilbage til log ind
forgot-mail-subject = Vælg en ny adgangskode til deltag
forgot-mail-body = Hej { $name }

    Nogen har bedt om en ny adgangskode til din konto i deltag. Var det dig, så åbn linket og vælg en ny:

    { $link }

    Linket virker i en time og kun én gang. Var det ikke dig, kan du se bort fra denne mail. Din adgangskode er den samme som før.
invite-copy = Kopiér linket
invite-copied = Linket er kopieret.
invite-link-label = Link til { $name }
login-password-changed = Din nye adgangskode er gemt. Log ind med den og koden fra din app.
