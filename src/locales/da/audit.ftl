# audit
# Loggen over handlinger (/admin/audit) og dens CSV.
audit-title = Log over handlinger
audit-intro = Her kan du se, hvem der har gjort hvad i deltag, og hvornår. Tiderne er i UTC: dansk tid er 1 time senere om vinteren og 2 timer senere om sommeren.
audit-kept = Loggen gemmer en hændelse i { $months } måneder. Så bliver den slettet.
audit-filter-heading = Vælg hændelser
audit-person = Hvem
audit-person-all = Alle
audit-person-system = Systemet (ingen person)
audit-kind = Slags hændelse
audit-kind-all = Alle slags
audit-group-accounts = Log ind og konti
audit-group-survey = Workshops og spørgsmål
audit-group-answers = Svar
audit-group-themes = Emner, hovedpointer og citater
audit-group-room = Væggen og runder i rummet
audit-group-export = Eksport og mail
audit-group-settings = Indstillinger
audit-from = Fra og med dato
audit-to = Til og med dato
audit-show = Vis hændelser
audit-clear = Vis alle hændelser igen
audit-error-date = Skriv datoen som dag, måned og år, for eksempel 1.12.2026
audit-error-order = Til-datoen skal være samme dag som fra-datoen eller senere
audit-events-heading = Hændelser
audit-count = { $count ->
    [0] Ingen hændelser passer til det, du har valgt.
    [one] 1 hændelse passer.
   *[other] { $count } hændelser passer.
}
audit-showing = Du ser nr. { $first }–{ $last }.
audit-newest-first = De nyeste står først.
audit-page-empty = Der er ikke flere hændelser. Gå til nyere hændelser.
audit-csv = { $count ->
    [one] Hent hændelsen som CSV (til regneark)
   *[other] Hent de { $count } hændelser som CSV (til regneark)
}
audit-pages = Sider i loggen
audit-newer = Nyere hændelser
audit-older = Ældre hændelser
audit-raw = Koder og id
audit-raw-at = for hændelsen kl. { $time }
audit-raw-code = Kode
audit-raw-subject = Id
audit-raw-detail = Detalje
audit-csv-time = Tidspunkt (UTC)
audit-csv-who = Hvem
audit-csv-event = Hændelse
audit-csv-code = Kode
audit-csv-subject = Id
audit-csv-detail = Detalje

# Hvem og hvad, når det er slettet.
audit-system = Systemet
audit-gone-user = en bruger, der siden er slettet
audit-the-track = deltagelsessporet «{ $name }»
audit-gone-track = et deltagelsesspor, der siden er slettet
audit-the-topic = temaet «{ $name }»
audit-gone-topic = et tema, der siden er slettet
audit-the-workshop = workshoppen «{ $name }»
audit-gone-workshop = en workshop, der siden er slettet
audit-the-question = spørgsmålet «{ $name }» i workshoppen «{ $place }»
audit-the-question-alone = spørgsmålet «{ $name }»
audit-gone-question = et spørgsmål, der siden er slettet
audit-a-question = et spørgsmål
audit-the-theme = emnet «{ $name }»
audit-gone-theme = et emne, der siden er slettet
audit-a-theme = et emne
audit-named = «{ $name }»
audit-the-key-point = en hovedpointe i temaet «{ $place }»
audit-gone-key-point = en hovedpointe, der siden er slettet
audit-a-key-point = en hovedpointe
audit-a-key-point-in = en hovedpointe i temaet «{ $place }»
audit-the-quote = et citat fra workshoppen «{ $place }»
audit-gone-quote = et citat, der siden er slettet
audit-a-quote = et citat
audit-a-quote-in = et citat i temaet «{ $place }»
audit-the-answer = et svar i workshoppen «{ $place }»
audit-gone-answer = et svar, der siden er slettet
audit-the-person = deltager { $name } i workshoppen «{ $place }»
audit-a-person-in = en deltager i workshoppen «{ $place }»
audit-gone-person = en deltager, hvis svar siden er slettet
audit-gone-place = noget, der siden er slettet
# Efter «…, der siden er slettet», når sætningen fortsætter.
audit-clause-end = ,
audit-language-en = engelsk
audit-format-docx = en Word-fil
audit-format-html = en udskriftsside
audit-format-md = en Markdown-fil
audit-format-xlsx = et Excel-ark
audit-format-csv = en CSV-fil
audit-format-json = en JSON-fil

# Hændelserne. $who er den, der gjorde det; $thing er det, det blev gjort ved.
audit-ev-login = { $user } loggede ind.
audit-ev-logout = { $user } loggede ud.
audit-ev-activate = { $user } valgte en adgangskode og tog sin konto i brug.
audit-ev-user-invite = { $who } inviterede { $user } med rollen { $role }.
audit-ev-user-reinvite = { $who } lavede et nyt invitationslink til { $user }.
audit-ev-user-role = { $who } gav { $user } rollen { $role }.
audit-ev-user-disable = { $who } lukkede kontoen for { $user }.
audit-ev-user-enable = { $who } åbnede kontoen for { $user } igen.
audit-ev-user-add-cli = { $who } oprettede { $user } med rollen { $role } fra kommandolinjen.
audit-ev-reset-ask = Der blev bedt om et link til en ny adgangskode for { $user }.
audit-ev-reset = { $user } valgte en ny adgangskode.
audit-ev-2fa-enable = { $user } slog totrinslogin til.
audit-ev-2fa-reset = { $who } nulstillede totrinslogin for { $user }.
audit-ev-2fa-recovery = { $user } loggede ind med en reservekode.
audit-ev-2fa-codes = { $user } lavede nye reservekoder.
audit-ev-create = { $who } oprettede { $thing }.
audit-ev-update = { $who } rettede { $thing }.
audit-ev-delete = { $who } slettede { $thing }.
audit-ev-move-up = { $who } flyttede { $thing } en plads op.
audit-ev-move-down = { $who } flyttede { $thing } en plads ned.
audit-ev-translate = { $who } rettede oversættelsen af { $thing } ({ $language }).
audit-ev-workshop-copy = { $who } lavede { $thing } som en kopi af { $source }.
audit-ev-workshop-open = { $who } åbnede { $thing } for svar.
audit-ev-workshop-closed = { $who } lukkede { $thing } for svar.
audit-ev-workshop-draft = { $who } gjorde { $thing } til en kladde igen.
audit-ev-workshop-archived = { $who } arkiverede { $thing }.
audit-ev-attendance = { $who } skrev, at { $count } deltog i { $thing }.
audit-ev-retention = { $who } valgte at gemme de enkelte svar i { $thing } { $days } dage længere.
audit-ev-answers-deleted = De enkelte svar i { $thing } blev slettet, fordi tiden for at gemme dem var gået ({ $people ->
    [one] 1 deltager
   *[other] { $people } deltagere
}).
audit-ev-question-create = { $who } tilføjede { $thing }.
audit-ev-assist = { $who } skrev svar ind for { $thing } ({ $how }).
audit-ev-paste = { $who } satte { $count } udsagn fra flipover ind under { $thing }.
audit-ev-answer-correct = { $who } rettede { $thing }. Begrundelse: «{ $reason }».
audit-ev-answer-delete = { $who } slettede et svar. Begrundelse: «{ $reason }».
audit-ev-answers-read = { $who } læste de enkelte svar i { $thing }.
audit-ev-theme-rename = { $who } omdøbte emnet «{ $from }» til «{ $to }».
audit-ev-theme-merge = { $who } slog { $from } sammen med { $into }.
audit-ev-assign-add = { $who } lagde { $count } svar i { $thing }.
audit-ev-assign-move = { $who } flyttede { $count } svar til { $thing }.
audit-ev-assign-remove = { $who } tog { $count } svar ud af { $thing }.
audit-ev-undo = { $who } fortrød en ændring på tavlen for { $thing } ({ $step }).
audit-ev-key-point-create = { $who } skrev { $thing }.
audit-ev-vote-order = { $who } satte hovedpointerne i rækkefølge efter afstemningen i { $thing }.
audit-ev-quote-create = { $who } lavede { $thing }.
audit-ev-quote-approve = { $who } godkendte { $thing } til rapporten.
audit-ev-quote-approve-why = { $who } godkendte { $thing } til rapporten. Begrundelse: «{ $reason }».
audit-ev-quote-unapprove = { $who } trak godkendelsen af { $thing } tilbage.
audit-ev-suggestion-new = { $who } tog imod et forslag og oprettede { $thing }.
audit-ev-guess-accept = { $who } tog imod forslaget om at lægge et svar i { $thing }.
audit-ev-guess-accept-all = { $who } lagde { $count } svar i de foreslåede emner i { $thing }. Forslagene var mindst { $percent } % sikre.
audit-ev-suggestion-reject = { $who } afviste et forslag til et nyt emne i { $thing }.
audit-ev-guess-reject = { $who } afviste forslaget om at lægge et svar i { $thing }.
audit-ev-export = { $who } hentede { $thing } som { $format }.
audit-ev-export-data = { $who } hentede de enkelte svar fra { $thing } som { $format }.
audit-ev-mail-sent = { $who } sendte filen «{ $file }» med mail til { $to }.
audit-ev-mail-failed = { $who } prøvede at sende filen «{ $file }» med mail til { $to }. Mailen blev ikke sendt.
audit-ev-mail-test = { $who } sendte en prøvemail til { $to }.
audit-ev-audit-export = { $who } hentede loggen som CSV.
audit-ev-demo = { $who } indlæste demodata i { $thing }.
audit-ev-settings = { $who } ændrede indstillingerne: { $names }.
audit-ev-settings-some = { $who } ændrede indstillingerne.
audit-ev-wall-link = { $who } lavede et nyt link til væggen for { $thing }.
audit-ev-wall-revoke = { $who } lukkede linket til væggen for { $thing }.
audit-ev-wall-settings = { $who } ændrede, hvad væggen viser for { $thing }.
audit-ev-wall-timer = { $who } satte uret på væggen for { $thing } til { $minutes } minutter.
audit-ev-wall-timer-stop = { $who } stoppede uret på væggen for { $thing }.
audit-ev-wall-show = { $who } viste { $thing } på væggen.
audit-ev-wall-hide = { $who } tog { $thing } ned fra væggen.
audit-ev-round-check = { $who } spurgte deltagerne i { $thing }, om vi har forstået dem rigtigt ({ $count } punkter).
audit-ev-round-vote = { $who } startede en afstemning med prikker i { $thing } ({ $count } punkter).
audit-ev-round-close = { $who } lukkede runden i { $thing }.
audit-ev-round-hands = { $who } skrev håndsoprækning ind i { $thing }: { $yes } ja, { $partly } delvist, { $no } nej.
