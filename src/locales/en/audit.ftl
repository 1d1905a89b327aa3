# audit
# The log of actions (/admin/audit) and its CSV.
audit-title = Log of actions
audit-intro = Here you can see who did what in deltag, and when. Times are in UTC: Danish time is 1 hour later in winter and 2 hours later in summer.
audit-kept = The log keeps an event for { $months } months. Then it is deleted.
audit-filter-heading = Choose events
audit-person = Who
audit-person-all = Everyone
audit-person-system = The system (no person)
audit-kind = Kind of event
audit-kind-all = All kinds
audit-group-accounts = Signing in and accounts
audit-group-survey = Workshops and questions
audit-group-answers = Answers
audit-group-themes = Themes, key points and quotes
audit-group-room = The wall and rounds in the room
audit-group-export = Exports and mail
audit-group-settings = Settings
audit-from = From date (included)
audit-to = To date (included)
audit-show = Show events
audit-clear = Show all events again
audit-error-date = Write the date as day, month and year, for example 1.12.2026
audit-error-order = The to date must be the same day as the from date or later
audit-events-heading = Events
audit-count = { $count ->
    [0] No events match what you chose.
    [one] 1 event matches.
   *[other] { $count } events match.
}
audit-showing = You see number { $first }–{ $last }.
audit-newest-first = The newest come first.
audit-page-empty = There are no more events. Go to newer events.
audit-csv = { $count ->
    [one] Download the event as CSV (for spreadsheets)
   *[other] Download the { $count } events as CSV (for spreadsheets)
}
audit-pages = Pages of the log
audit-newer = Newer events
audit-older = Older events
audit-raw = Codes and id
audit-raw-at = for the event at { $time }
audit-raw-code = Code
audit-raw-subject = ID
audit-raw-detail = Detail
audit-csv-time = Time (UTC)
audit-csv-who = Who
audit-csv-event = Event
audit-csv-code = Code
audit-csv-subject = ID
audit-csv-detail = Detail

# Who and what, when it was deleted.
audit-system = The system
audit-gone-user = a user who has since been deleted
audit-the-track = the participation track “{ $name }”
audit-gone-track = a participation track that has since been deleted
audit-the-topic = the topic “{ $name }”
audit-gone-topic = a topic that has since been deleted
audit-the-workshop = the workshop “{ $name }”
audit-gone-workshop = a workshop that has since been deleted
audit-the-question = the question “{ $name }” in the workshop “{ $place }”
audit-the-question-alone = the question “{ $name }”
audit-gone-question = a question that has since been deleted
audit-a-question = a question
audit-the-theme = the theme “{ $name }”
audit-gone-theme = a theme that has since been deleted
audit-a-theme = a theme
audit-named = “{ $name }”
audit-the-key-point = a key point in the topic “{ $place }”
audit-gone-key-point = a key point that has since been deleted
audit-a-key-point = a key point
audit-a-key-point-in = a key point in the topic “{ $place }”
audit-the-quote = a quote from the workshop “{ $place }”
audit-gone-quote = a quote that has since been deleted
audit-a-quote = a quote
audit-a-quote-in = a quote in the topic “{ $place }”
audit-the-answer = an answer in the workshop “{ $place }”
audit-gone-answer = an answer that has since been deleted
audit-the-person = participant { $name } in the workshop “{ $place }”
audit-a-person-in = a participant in the workshop “{ $place }”
audit-gone-person = a participant whose answers have since been deleted
audit-gone-place = something that has since been deleted
# After "…that has since been deleted" when the sentence goes on: nothing in English.
audit-clause-end = { "" }
audit-language-en = English
audit-format-docx = a Word file
audit-format-html = a print page
audit-format-md = a Markdown file
audit-format-xlsx = an Excel workbook
audit-format-csv = a CSV file
audit-format-json = a JSON file

# The events. $who did it; $thing is what it was done to.
audit-ev-login = { $user } signed in.
audit-ev-logout = { $user } signed out.
audit-ev-activate = { $user } chose a password and started using their account.
audit-ev-user-invite = { $who } invited { $user } with the role { $role }.
audit-ev-user-reinvite = { $who } made a new invitation link for { $user }.
audit-ev-user-role = { $who } gave { $user } the role { $role }.
audit-ev-user-disable = { $who } disabled the account of { $user }.
audit-ev-user-enable = { $who } enabled the account of { $user } again.
audit-ev-user-add-cli = { $who } added { $user } with the role { $role } from the command line.
audit-ev-reset-ask = A link to choose a new password was asked for { $user }.
audit-ev-reset = { $user } chose a new password.
audit-ev-2fa-enable = { $user } turned on two-step login.
audit-ev-2fa-reset = { $who } reset two-step login for { $user }.
audit-ev-2fa-recovery = { $user } signed in with a recovery code.
audit-ev-2fa-codes = { $user } made new recovery codes.
audit-ev-create = { $who } created { $thing }.
audit-ev-update = { $who } edited { $thing }.
audit-ev-delete = { $who } deleted { $thing }.
audit-ev-move-up = { $who } moved { $thing } up one place.
audit-ev-move-down = { $who } moved { $thing } down one place.
audit-ev-translate = { $who } edited the translation of { $thing } ({ $language }).
audit-ev-workshop-copy = { $who } made { $thing } as a copy of { $source }.
audit-ev-workshop-open = { $who } opened { $thing } for answers.
audit-ev-workshop-closed = { $who } closed { $thing } for answers.
audit-ev-workshop-draft = { $who } made { $thing } a draft again.
audit-ev-workshop-archived = { $who } archived { $thing }.
audit-ev-attendance = { $who } recorded that { $count } people took part in { $thing }.
audit-ev-retention = { $who } chose to keep the individual answers of { $thing } { $days } days longer.
audit-ev-answers-deleted = The individual answers of { $thing } were deleted because the time to keep them had passed ({ $people ->
    [one] 1 participant
   *[other] { $people } participants
}).
audit-ev-question-create = { $who } added { $thing }.
audit-ev-assist = { $who } entered answers for { $thing } ({ $how }).
audit-ev-paste = { $who } added { $count ->
    [one] 1 flipchart statement
   *[other] { $count } flipchart statements
} to { $thing }.
audit-ev-answer-correct = { $who } corrected { $thing }. Reason: “{ $reason }”.
audit-ev-answer-delete = { $who } deleted an answer. Reason: “{ $reason }”.
audit-ev-answers-read = { $who } read the individual answers of { $thing }.
audit-ev-theme-rename = { $who } renamed the theme “{ $from }” to “{ $to }”.
audit-ev-theme-merge = { $who } merged { $from } into { $into }.
audit-ev-assign-add = { $who } put { $count ->
    [one] 1 answer
   *[other] { $count } answers
} in { $thing }.
audit-ev-assign-move = { $who } moved { $count ->
    [one] 1 answer
   *[other] { $count } answers
} to { $thing }.
audit-ev-assign-remove = { $who } took { $count ->
    [one] 1 answer
   *[other] { $count } answers
} out of { $thing }.
audit-ev-undo = { $who } undid a change on the board of { $thing } ({ $step }).
audit-ev-key-point-create = { $who } wrote { $thing }.
audit-ev-vote-order = { $who } put the key points in the order of the vote in { $thing }.
audit-ev-quote-create = { $who } made { $thing }.
audit-ev-quote-approve = { $who } approved { $thing } for the report.
audit-ev-quote-approve-why = { $who } approved { $thing } for the report. Reason: “{ $reason }”.
audit-ev-quote-unapprove = { $who } took back the approval of { $thing }.
audit-ev-suggestion-new = { $who } accepted a suggestion and created { $thing }.
audit-ev-guess-accept = { $who } accepted the suggestion to put an answer in { $thing }.
audit-ev-guess-accept-all = { $who } put { $count ->
    [one] 1 answer
   *[other] { $count } answers
} in the suggested themes of { $thing }. The suggestions were at least { $percent } % sure.
audit-ev-suggestion-reject = { $who } turned down a suggested new theme in { $thing }.
audit-ev-guess-reject = { $who } turned down the suggestion to put an answer in { $thing }.
audit-ev-export = { $who } downloaded { $thing } as { $format }.
audit-ev-export-data = { $who } downloaded the individual answers of { $thing } as { $format }.
audit-ev-mail-sent = { $who } mailed the file “{ $file }” to { $to }.
audit-ev-mail-failed = { $who } tried to mail the file “{ $file }” to { $to }. The mail was not sent.
audit-ev-mail-test = { $who } sent a test mail to { $to }.
audit-ev-audit-export = { $who } downloaded the log as CSV.
audit-ev-demo = { $who } loaded the demo data into { $thing }.
audit-ev-settings = { $who } changed the settings: { $names }.
audit-ev-settings-some = { $who } changed the settings.
audit-ev-wall-link = { $who } made a new link to the wall of { $thing }.
audit-ev-wall-revoke = { $who } closed the link to the wall of { $thing }.
audit-ev-wall-settings = { $who } changed what the wall of { $thing } shows.
audit-ev-wall-timer = { $who } set the timer on the wall of { $thing } to { $minutes } minutes.
audit-ev-wall-timer-stop = { $who } stopped the timer on the wall of { $thing }.
audit-ev-wall-show = { $who } showed { $thing } on the wall.
audit-ev-wall-hide = { $who } took { $thing } down from the wall.
audit-ev-round-check = { $who } asked the participants in { $thing } whether we understood them right ({ $count } items).
audit-ev-round-vote = { $who } started a dot vote in { $thing } ({ $count } items).
audit-ev-round-close = { $who } closed the round in { $thing }.
audit-ev-round-hands = { $who } entered a show of hands in { $thing }: { $yes } yes, { $partly } partly, { $no } no.
