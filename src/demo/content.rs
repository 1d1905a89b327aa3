//! The demo participation track: the Partnership's 2023 themes, four workshops, their questions
//! and plausible answers in the spirit of the annual report's findings. Invented answers, no real
//! people. Loaded by `deltag demo`.

/// A track with its topics.
pub struct DemoTrack {
    pub title: &'static str,
    pub year: i32,
    pub topics: &'static [DemoTopic],
}

/// A topic (tema) chosen by the Partnership.
pub struct DemoTopic {
    pub title: &'static str,
    pub description: &'static str,
    pub workshops: &'static [DemoWorkshop],
}

/// One workshop.
pub struct DemoWorkshop {
    pub title: &'static str,
    /// What participants read on the start page: 2–3 short, plain sentences (let læst).
    pub intro: &'static str,
    /// "YYYY-MM-DD HH:MM", local time.
    pub starts_at: &'static str,
    pub location: &'static str,
    /// Exactly one workshop in the whole track is open; the others are closed.
    pub open: bool,
    pub questions: &'static [DemoQuestion],
    /// Participants' answers, one entry per participant.
    pub participants: &'static [DemoParticipant],
    /// Flipchart notes a facilitator typed in afterwards: (question index, one statement).
    pub flipchart: &'static [(usize, &'static str)],
    /// The survey's texts in English (the open workshop has them, so a newcomer who
    /// switches to English sees a complete survey).
    pub english: Option<&'static DemoEnglish>,
}

/// A workshop's texts in English: title, intro, and one entry per question, in order.
pub struct DemoEnglish {
    pub title: &'static str,
    pub intro: &'static str,
    pub questions: &'static [DemoQuestionEnglish],
}

/// One question in English; the options in the same order as the Danish ones.
pub struct DemoQuestionEnglish {
    pub prompt: &'static str,
    pub help_text: &'static str,
    pub easy_read: Option<&'static str>,
    pub options: &'static [&'static str],
}

/// One question.
pub struct DemoQuestion {
    /// "short_text" | "long_text" | "single_choice" | "multiple_choice" | "scale" | "yes_no"
    pub kind: &'static str,
    pub prompt: &'static str,
    pub help_text: &'static str,
    /// Easy-read (let læst) version of the prompt, or None.
    pub easy_read: Option<&'static str>,
    /// Option labels for the choice kinds, the five words of a scale; empty otherwise.
    pub options: &'static [&'static str],
    /// Choice kinds only: offer "Andet" with a text field.
    pub allow_other: bool,
    pub required: bool,
}

/// One participant's answers.
pub struct DemoParticipant {
    /// "self" (typed on their phone), "scribe" (said aloud, a facilitator typed it), or
    /// "read_aloud" (the question was read aloud to them and a facilitator typed the answer).
    pub entered_by: &'static str,
    /// One per question, in order. "" = no answer; "-" = "Vil ikke svare" (declined).
    /// Text kinds: the text. single_choice: the 1-based option number, e.g. "2", or
    /// "other:tekst". multiple_choice: numbers separated by commas, e.g. "1,3", optionally
    /// followed by ",other:tekst". scale: "1".."5". yes_no: "yes" | "no" | "dont_know".
    pub answers: &'static [&'static str],
}

// Shorthands to keep the participant lists readable.
const fn p(answers: &'static [&'static str]) -> DemoParticipant {
    DemoParticipant { entered_by: "self", answers }
}
const fn scribe(answers: &'static [&'static str]) -> DemoParticipant {
    DemoParticipant { entered_by: "scribe", answers }
}
const fn read_aloud(answers: &'static [&'static str]) -> DemoParticipant {
    DemoParticipant { entered_by: "read_aloud", answers }
}

/// The whole demo track.
pub static TRACK: DemoTrack = DemoTrack {
    title: "Deltagelsessporet 2023",
    year: 2023,
    topics: &[
        DemoTopic {
            title: "Fra bolig til hjem",
            description: "Hvad skal der til, for at en bolig er den rette, og for at den bliver et hjem? \
                          Og hvordan finder man fællesskaber, når man er flyttet ind?",
            workshops: &[WORKSHOP_BOLIGLOESNING, WORKSHOP_HJEM],
        },
        DemoTopic {
            title: "Brug af velfærdssystemets indsatser og ydelser blandt borgere i hjemløshed og sammenhæng i støtten",
            description: "Hvordan er det at søge og få hjælp, når man er eller har været hjemløs? \
                          Og hvordan skal den gode støtte se ud i fremtiden?",
            workshops: &[WORKSHOP_ERFARINGER, WORKSHOP_DROEMME],
        },
    ],
};

// ---------------------------------------------------------------------------------------------
// Tema 1, workshop 1: Den rette boligløsning (12 deltagere)
// ---------------------------------------------------------------------------------------------

const WORKSHOP_BOLIGLOESNING: DemoWorkshop = DemoWorkshop {
    title: "Den rette boligløsning",
    intro: "I dag taler vi om, hvor og hvordan du gerne vil bo. Der er ingen forkerte svar. \
            Du må gerne springe et spørgsmål over.",
    starts_at: "2023-03-14 10:00",
    location: "Rådet for Socialt Udsatte, København",
    open: false,
    questions: &[
        DemoQuestion {
            kind: "long_text",
            prompt: "Hvordan ser den rette bolig ud for dig?",
            help_text: "Fortæl gerne om det, der betyder mest for dig.",
            easy_read: Some("Hvordan vil du gerne bo?"),
            options: &[],
            allow_other: false,
            required: true,
        },
        DemoQuestion {
            kind: "single_choice",
            prompt: "Hvor vil du helst bo?",
            help_text: "",
            easy_read: None,
            options: &["I en større by", "I en mindre by", "På landet", "Det betyder ikke noget for mig"],
            allow_other: true,
            required: false,
        },
        DemoQuestion {
            kind: "multiple_choice",
            prompt: "Hvad vil du gerne have tæt på, der hvor du bor?",
            help_text: "Du må gerne vælge flere.",
            easy_read: None,
            options: &[
                "Bus eller tog",
                "Butikker",
                "Familie og venner",
                "Natur og grønne områder",
                "Læge og apotek",
                "Et værested eller et fællesskab",
            ],
            allow_other: true,
            required: false,
        },
        DemoQuestion {
            kind: "short_text",
            prompt: "Hvad skal der ikke være i din bolig eller omkring den?",
            help_text: "",
            easy_read: Some("Hvad vil du ikke have, der hvor du bor?"),
            options: &[],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "yes_no",
            prompt: "Kunne du tænke dig at bo sammen med andre, fx i et bofællesskab eller på et seniorkollegie?",
            help_text: "",
            easy_read: None,
            options: &[],
            allow_other: false,
            required: false,
        },
    ],
    participants: &[
        p(&[
            "En helt almindelig lejlighed. Varme i radiatoren, strøm i stikkontakten og lås på døren. Mere skal der ikke til.",
            "1",
            "1,2,5",
            "Skimmelsvamp. Jeg har boet et sted med svamp på væggene og blev syg af det.",
            "no",
        ]),
        scribe(&[
            "Jeg vil gerne ud på landet. Jeg har boet i byen hele mit liv, og det var der, jeg drak. Jeg trænger til ro og en have, hvor hunden kan løbe.",
            "3",
            "2,4",
            "Naboer der fester hele natten.",
            "no",
        ]),
        p(&[
            "en lille lejlighed tæt på min datter. hun bor i roskilde og jeg vil gerne kunne se hende og børnebørnene uden at skulle tage 2 busser",
            "2",
            "1,3",
            "",
            "dont_know",
        ]),
        p(&["Ro. Og en dør jeg kan låse.", "4", "2", "Folk fra det gamle miljø lige udenfor.", "no"]),
        p(&[
            "Jeg vil gerne bo i en anden kommune. Der hvor jeg kommer fra kender alle mig og mit misbrug. Jeg vil starte på en frisk men kommunen siger jeg skal søge der hvor jeg bor nu",
            "other:Hvor som helst, bare ikke i min gamle kommune",
            "1,2,6",
            "Pushere i opgangen",
            "dont_know",
        ]),
        read_aloud(&[
            "Jeg er 67 år. Jeg vil gerne bo på et seniorkollegie, hvor der er andre på min alder. Jeg vil ikke sidde alene i en lejlighed og vente på ingenting.",
            "2",
            "2,5,6",
            "Trapper. Mine knæ kan ikke mere.",
            "yes",
        ]),
        p(&[
            "Et sted hvor min hund må være. Mange steder må man ikke have dyr og så siger jeg nej tak. Hun er min familie",
            "3",
            "4,other:dyrlæge",
            "forbud mod hunde",
            "no",
        ]),
        p(&[
            "Noget jeg kan betale. Det nytter ikke at få en dejlig bolig hvis huslejen æder hele kontanthjælpen og jeg bliver sat ud igen efter et halvt år",
            "1",
            "1,2",
            "-",
            "no",
        ]),
        scribe(&[
            "Jeg har brug for at bo sammen med nogen. Når jeg er helt alene, går det galt. Et bofællesskab med personale om dagen ville være godt for mig.",
            "1",
            "3,6",
            "Lange gange, hvor ingen kender hinanden.",
            "yes",
        ]),
        p(&["ved ikke helt. bare et sted der er mit eget", "4", "", "", ""]),
        p(&[
            "Jeg fik en bolig ude i et industriområde langt fra alt. Bussen går en gang i timen. Jeg følte mig sat ud på et sidespor. Den rette bolig er tæt på bus og butikker, og hvor man er velkommen som man er",
            "1",
            "1,2,3,5",
            "At blive gemt væk langt ude hvor ingen kommer",
            "no",
        ]),
        p(&[
            "Et lille hus med en have hvor jeg kan dyrke grønsager. Jeg ved godt det er en drøm, men man må godt drømme",
            "3",
            "4",
            "Fugt. Og for tynde vægge",
            "dont_know",
        ]),
    ],
    flipchart: &[
        (0, "En helt almindelig bolig: varme, strøm, lås på døren, ingen skimmel"),
        (1, "Forskellige ønsker: by, land, anden kommune"),
        (2, "Tæt på bus og indkøb"),
        (3, "Væk fra det gamle miljø"),
        (4, "Nogle vil gerne bo sammen med andre – bofællesskab, seniorkollegie"),
        (0, "Plads til kæledyr"),
    ],
    english: None,
};

// ---------------------------------------------------------------------------------------------
// Tema 1, workshop 2: Hvordan gør man en bolig til et hjem (samme 12 deltagere)
// ---------------------------------------------------------------------------------------------

const WORKSHOP_HJEM: DemoWorkshop = DemoWorkshop {
    title: "Hvordan gør man en bolig til et hjem",
    intro: "I dag taler vi om, hvad der gør en bolig til et hjem. Vi taler også om at være en del af et fællesskab. \
            Svar kun på det, du har lyst til.",
    starts_at: "2023-04-25 10:00",
    location: "Aarhus",
    open: false,
    questions: &[
        DemoQuestion {
            kind: "long_text",
            prompt: "Hvad gør en bolig til et hjem for dig?",
            help_text: "Det kan være ting, lyde, dufte eller mennesker.",
            easy_read: Some("Hvornår føler du dig hjemme?"),
            options: &[],
            allow_other: false,
            required: true,
        },
        DemoQuestion {
            kind: "scale",
            prompt: "Hvor hjemme føler du dig, der hvor du bor nu?",
            help_text: "1 er slet ikke. 5 er helt hjemme.",
            easy_read: None,
            options: &["Slet ikke hjemme", "Ikke rigtig hjemme", "Lidt hjemme", "Mest hjemme", "Helt hjemme"],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "multiple_choice",
            prompt: "Hvilke fællesskaber er du med i, eller vil du gerne være med i?",
            help_text: "Du må gerne vælge flere.",
            easy_read: None,
            options: &[
                "Sport eller motion",
                "Et værested eller en café",
                "Frivilligt arbejde",
                "Familie",
                "En forening eller en kirke",
                "Noget kreativt, fx musik eller maling",
            ],
            allow_other: true,
            required: false,
        },
        DemoQuestion {
            kind: "long_text",
            prompt: "Fortæl om et fællesskab, der har betydet noget for dig.",
            help_text: "",
            easy_read: Some("Hvornår har du været sammen med andre, og det var godt?"),
            options: &[],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "yes_no",
            prompt: "Har økonomien nogen gange holdt dig væk fra at være med i noget?",
            help_text: "Fx kontingent, buskort eller udstyr.",
            easy_read: None,
            options: &[],
            allow_other: false,
            required: false,
        },
    ],
    participants: &[
        p(&[
            "Mine egne ting. At jeg selv har valgt farven på væggen, og at der står billeder af mine børn",
            "4",
            "4,6",
            "Jeg maler på et værested to gange om ugen. Der snakker vi ikke om misbrug, vi snakker om farver. Det er rart.",
            "yes",
        ]),
        p(&[
            "Min kat. Når jeg låser døren op kommer hun og siger hej. Så er jeg hjemme",
            "5",
            "",
            "Min nabo. Hun passer katten når jeg er på hospitalet og vi drikker kaffe sammen bagefter 😊",
            "no",
        ]),
        scribe(&[
            "Duften af mad. Da jeg var barn, lavede min mor frikadeller om søndagen. Når jeg selv laver mad nu, og det dufter, så føler jeg, at det er et hjem.",
            "3",
            "3,5",
            "Jeg hjælper til i et suppekøkken om torsdagen. Der er jeg ikke den, der får hjælp, der er jeg den, der hjælper. Det har betydet alt for mig.",
            "yes",
        ]),
        p(&["gardiner. så ingen kigger ind", "2", "2", "", "yes"]),
        p(&[
            "Jeg har haft lejlighed i 8 måneder men det føles stadig ikke som et hjem. Der er en seng og et tv, mere har jeg ikke. Jeg har ikke råd til møbler og ved ikke hvem jeg skal spørge",
            "2",
            "2,other:ingen lige nu",
            "Da jeg boede på herberget havde vi fællesspisning. Nu spiser jeg alene hver dag. Jeg savner larmen faktisk",
            "yes",
        ]),
        read_aloud(&[
            "Et hjem er at have nogen at komme hjem til. Jeg har ikke nogen lige nu. Men jeg vil gerne have en hund.",
            "",
            "1",
            "Fodbold. Vi spillede hver uge, da jeg boede på boformen. De ringede til mig, hvis jeg ikke kom. Så vidste jeg, at nogen savnede mig.",
            "yes",
        ]),
        p(&[
            "At der er rent og ryddet op og at køleskabet er fyldt. Det lyder måske ikke af meget, men det er det for mig",
            "4",
            "3,4",
            "Min lillebror. Vi havde ikke snakket sammen i 6 år men nu ses vi hver anden søndag. Min bostøtte hjalp mig med at skrive til ham første gang.",
            "no",
        ]),
        p(&["At jeg kan lukke døren og være i fred. Ingen personale der banker på kl 7", "5", "1", "-", "-"]),
        scribe(&[
            "Jeg er bange for at blive ensom, når jeg flytter ind. Et hjem er ikke bare fire vægge. Der skal være liv omkring det.",
            "",
            "2,5",
            "AA-møderne. Der er folk, der forstår mig, uden at jeg skal forklare alting.",
            "yes",
        ]),
        p(&[
            "Møbler og køkkengrej. Jeg fik en nøgle og en tom lejlighed og første nat sov jeg på gulvet i min sovepose. Det var ikke et hjem, det var et rum",
            "1",
            "",
            "",
            "yes",
        ]),
        p(&[
            "Planter i vinduet og musik. Og at jeg tør invitere nogen indenfor",
            "3",
            "1,3,6",
            "Jeg synger i et kor for folk som os. Det er første gang i mange år at jeg har glædet mig til en tirsdag",
            "yes",
        ]),
        p(&[
            "Tryghed. At jeg ved at jeg kan blive boende",
            "3",
            "3",
            // PERSONAL DATA (deliberate): an e-mail address, for the facilitators' personal-data flag.
            "Jeg vil gerne starte en gruppe for folk der lige har fået bolig. Hvis i vil høre mere så skriv til mig på jens.hansen@example.dk",
            "yes",
        ]),
    ],
    flipchart: &[
        (0, "Hjem = lukke og låse døren, trække gardinerne for"),
        (0, "Kæledyr = nogen at komme hjem til"),
        (0, "Mangler møbler og køkkengrej fra dag ét"),
        (3, "Starte forfra med netværk og familie"),
        (4, "Økonomi holder folk ude af foreningslivet"),
        (3, "Frygt for ensomhed, når man flytter ind"),
    ],
    english: None,
};

// ---------------------------------------------------------------------------------------------
// Tema 2, workshop 1: Erfaringer med at søge og modtage støtte (15 deltagere)
// ---------------------------------------------------------------------------------------------

const WORKSHOP_ERFARINGER: DemoWorkshop = DemoWorkshop {
    title: "Erfaringer med at søge og modtage støtte",
    intro: "I dag taler vi om, hvordan det er at søge og få hjælp. Fortæl gerne om både gode og dårlige oplevelser. \
            Dine svar er anonyme.",
    starts_at: "2023-09-12 10:00",
    location: "Odense",
    open: false,
    questions: &[
        DemoQuestion {
            kind: "long_text",
            prompt: "Fortæl om en gang, hvor du søgte hjælp. Hvad skete der?",
            help_text: "Det kan være hos kommunen, jobcentret, lægen eller et andet sted.",
            easy_read: Some("Du har bedt om hjælp. Hvad skete der?"),
            options: &[],
            allow_other: false,
            required: true,
        },
        DemoQuestion {
            kind: "scale",
            prompt: "Hvor let var det at finde ud af, hvor du kunne få hjælp?",
            help_text: "1 er meget svært. 5 er meget let.",
            easy_read: None,
            options: &["Meget svært", "Svært", "Hverken let eller svært", "Let", "Meget let"],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "single_choice",
            prompt: "Hvor mange forskellige sagsbehandlere og støttepersoner har du haft de sidste to år?",
            help_text: "",
            easy_read: None,
            options: &["Én", "2–3", "4–5", "Flere end 5", "Ved ikke"],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "long_text",
            prompt: "Hvad gør en støtteperson god?",
            help_text: "Tænk gerne på en bestemt person.",
            easy_read: Some("Hvad er en god støtteperson?"),
            options: &[],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "yes_no",
            prompt: "Har nogen fortalt dig, hvilke rettigheder og muligheder du har?",
            help_text: "",
            easy_read: None,
            options: &[],
            allow_other: false,
            required: false,
        },
    ],
    participants: &[
        p(&[
            "Jeg gik på kommunen og spurgte om hjælp til en bolig. De sendte mig til jobcentret, jobcentret sendte mig til borgerservice, og borgerservice sendte mig tilbage til kommunen. Jeg følte mig som en hoppebold.",
            "1",
            "4",
            "At hun kender mig. Jeg skal ikke fortælle min historie forfra hver gang.",
            "no",
        ]),
        p(&["søgte bostøtte i marts fik svar i oktober. i mellemtiden mistede jeg lejligheden", "1", "3", "en der tager telefonen", "no"]),
        scribe(&[
            "Min gadeplansmedarbejder tog mig med op på kommunen. Uden hende var jeg aldrig gået derop. Hun snakkede for mig, da jeg ikke selv kunne.",
            "2",
            "2",
            "Hun lyttede. Hun spurgte, hvad jeg selv ville, i stedet for at fortælle mig det.",
            "yes",
        ]),
        p(&[
            "Jeg ved ikke hvor man skal gå hen. Det er en labyrint og hver gang man finder en dør så er den lukket",
            "1",
            "5",
            "At de ved noget om misbrug og ikke bliver forskrækkede",
            "no",
        ]),
        p(&[
            "Jeg har haft den samme bostøtte siden jeg flyttede ud fra forsorgshjemmet. Det er 3 år nu. Hun har været der fra dag ét og det er derfor jeg stadig har min lejlighed.",
            "4",
            "1",
            "Tillid. Det tager lang tid at bygge op og 2 sek at ødelægge",
            "yes",
        ]),
        read_aloud(&[
            "Jeg fik et brev, jeg ikke kunne læse. Jeg er ordblind. Der stod, at jeg skulle møde op, ellers blev min ydelse stoppet. Jeg kom ikke, og så blev den stoppet.",
            "1",
            "3",
            "At hun ringer i stedet for at sende breve. Og forklarer det på almindeligt dansk.",
            "no",
        ]),
        p(&[
            "Det gik faktisk fint. Jeg fik en sagsbehandler der tog sig tid og hjalp mig med alle papirerne",
            "4",
            "1",
            "",
            "yes",
        ]),
        p(&[
            "Jeg har haft 6 sagsbehandlere på to år. Hver gang kommer der en ny og jeg skal starte forfra. Til sidst orkede jeg ikke mere og stoppede med at svare",
            "2",
            "4",
            "At den ikke skifter hele tiden!!",
            "no",
        ]),
        scribe(&[
            "Jeg var akut hjemløs og fik at vide, at der var tre måneders ventetid. Hvor skal jeg sove i tre måneder?",
            "1",
            "2",
            "At man bliver taget alvorligt. Når jeg siger, at jeg har det skidt, så har jeg det skidt.",
            "dont_know",
        ]),
        p(&["-", "3", "-", "En som ser mig som et menneske og ikke bare et cpr nummer", "no"]),
        p(&[
            "Psykiatrien sagde jeg skulle være ude af misbruget først. Misbrugscentret sagde jeg skulle have styr på min psyke først. Så jeg faldt mellem to stole i to år",
            "1",
            "4",
            "En der kan begge dele, både psyke og misbrug. Eller som i det mindste snakker med dem der kan",
            "no",
        ]),
        p(&["fik hjælp på værestedet til at søge. det var godt", "3", "2", "følger mit tempo. nogen dage kan jeg ikke så meget", "yes"]),
        read_aloud(&[
            "Jeg spurgte om hjælp til at betale huslejen. Så fik jeg et skema på 12 sider. Jeg gav op.",
            "2",
            "5",
            "Hjælper mig med papirerne og siger tingene, så jeg forstår dem.",
            "no",
        ]),
        p(&[
            "Da jeg kom ud fra fængslet stod jeg uden bolig. Ingen havde planlagt noget. Første nat sov jeg i en opgang",
            "1",
            "3",
            // PERSONAL DATA (deliberate): a first name and a phone number, for the facilitators'
            // personal-data flag.
            "Jeg hedder Kim, ring til mig på 22 33 44 55 så fortæller jeg mere. En god støtteperson kommer når hun siger hun kommer",
            "no",
        ]),
        p(&[
            "Jeg har mest fået hjælp af andre på gaden. De ved hvor man skal gå hen.",
            "",
            "5",
            "At de har prøvet det selv, eller i hvert fald gider lære af os der har",
            "dont_know",
        ]),
    ],
    flipchart: &[
        (0, "Systemet er en labyrint"),
        (0, "Hoppebold – sendt rundt, ingen tager ansvar"),
        (0, "Måneders ventetid, selv ved akut behov"),
        (2, "Sagsbehandler skifter hele tiden"),
        (3, "Skal fortælle sin historie forfra igen og igen"),
        (4, "Ingen fortæller om rettigheder"),
    ],
    english: None,
};

// ---------------------------------------------------------------------------------------------
// Tema 2, workshop 2: Drømme til fremtidens støtte (samme 15 deltagere). The open workshop:
// the demo lets a newcomer answer it on their phone. Every question kind appears once.
// ---------------------------------------------------------------------------------------------

const WORKSHOP_DROEMME: DemoWorkshop = DemoWorkshop {
    title: "Drømme til fremtidens støtte",
    intro: "I dag drømmer vi om, hvordan god støtte skal være i fremtiden. Dine svar er anonyme. \
            Du kan altid gå tilbage og ændre et svar.",
    starts_at: "2023-10-24 10:00",
    location: "Rådet for Socialt Udsatte, København",
    open: true,
    questions: &[
        DemoQuestion {
            kind: "long_text",
            prompt: "Hvis du selv kunne bestemme, hvordan skulle støtten så være?",
            help_text: "Drøm gerne stort.",
            easy_read: Some("Hvordan ser god hjælp ud for dig?"),
            options: &[],
            allow_other: false,
            required: true,
        },
        DemoQuestion {
            kind: "single_choice",
            prompt: "Hvem vil du helst have hjælp fra?",
            help_text: "Vælg den, der passer bedst.",
            easy_read: None,
            options: &[
                "Én fast støtteperson",
                "Et team med forskellige fagfolk",
                "En, der selv har været hjemløs",
                "Familie eller venner",
            ],
            allow_other: true,
            required: false,
        },
        DemoQuestion {
            kind: "multiple_choice",
            prompt: "Hvornår har du mest brug for at kunne få fat i nogen?",
            help_text: "Du må gerne vælge flere.",
            easy_read: None,
            options: &["Om morgenen", "I dagtimerne", "Om aftenen", "Om natten", "I weekenden"],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "scale",
            prompt: "Hvor vigtigt er det for dig at møde andre, der har prøvet det samme som dig?",
            help_text: "1 er slet ikke vigtigt. 5 er meget vigtigt.",
            easy_read: None,
            options: &["Slet ikke vigtigt", "Ikke så vigtigt", "Lidt vigtigt", "Vigtigt", "Meget vigtigt"],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "yes_no",
            prompt: "Ved du, hvor du kan gå hen, hvis du får brug for hjælp?",
            help_text: "",
            easy_read: None,
            options: &[],
            allow_other: false,
            required: false,
        },
        DemoQuestion {
            kind: "short_text",
            prompt: "Hvad er det vigtigste, Partnerskabet skal vide?",
            help_text: "Partnerskabet er kommuner, ministerium, herberger og foreninger, der arbejder mod hjemløshed.",
            easy_read: Some("Hvad skal de, der bestemmer, vide?"),
            options: &[],
            allow_other: false,
            required: false,
        },
    ],
    participants: &[
        p(&[
            "Én person der har styr på det hele og taler med kommunen, jobcentret og lægen for mig. Så jeg ikke skal løbe rundt til 5 forskellige steder",
            "1",
            "3,5",
            "4",
            "yes",
            "Lyt til os. Vi ved godt selv hvad vi har brug for",
        ]),
        p(&[
            "At hjælpen ikke stopper kl 16. Det er om aftenen det bliver svært. Der er ingen at ringe til",
            "1",
            "3,4",
            "5",
            "no",
            "Ensomheden kommer om aftenen",
        ]),
        scribe(&[
            "Jeg drømmer om en støtte, der følger mit tempo. Nogle gange har jeg brug for meget, andre gange næsten ingenting. Den skal kunne skrues op og ned.",
            "other:En, jeg selv har valgt",
            "2,5",
            "3",
            "yes",
            "Se mig som et menneske.",
        ]),
        p(&[
            "nogen der har prøvet det samme som mig. de forstår uden at jeg skal forklare alt",
            "3",
            "3,4,5",
            "5",
            "dont_know",
            "mere peer støtte",
        ]),
        p(&[
            "Et sted hvor man bare kan gå ind og spørge om alt. Penge, bolig, læge. Uden tidsbestilling og uden at vente i 3 uger",
            "2",
            "1,2",
            "3",
            "no",
            "Der skal være ét sted man kan gå hen",
        ]),
        read_aloud(&[
            "At nogen fortæller mig, hvad jeg har ret til. Jeg har fundet ud af ting to år for sent, fordi ingen sagde det.",
            "1",
            "2",
            "2",
            "no",
            "Oplys os om vores rettigheder.",
        ]),
        p(&[
            "Støtte der ikke slutter bare fordi man har fået nøglen. Det er DER det starter",
            "1",
            "3,5",
            "4",
            "yes",
            "",
        ]),
        p(&[
            "Jeg vil gerne bygge mig selv op igen. Ikke at de gør alt for mig, men at de hjælper mig med at kunne selv",
            "2",
            "2",
            "4",
            "yes",
            "Hjælp os med at bygge os selv op igen",
        ]),
        p(&["-", "4", "4", "", "-", "-"]),
        scribe(&[
            "At der er tid. Min bostøtte har 20 minutter, og så skal hun videre. Man kan ikke snakke om det svære på 20 minutter.",
            "1",
            "3",
            "4",
            "yes",
            "Giv bostøtten tid til os.",
        ]),
        p(&[
            "En fast kontaktperson jeg kan sms'e til, også i weekenden. Bare en der svarer",
            "1",
            "3,5",
            "5",
            "yes",
            "Tag os alvorligt",
        ]),
        p(&[
            "Et team hvor psykiatrien og misbrugscentret og kommunen sidder sammen om min sag, så de ikke sender mig frem og tilbage",
            "2",
            "2",
            "3",
            "no",
            "Tværfagligt. Ikke hver sin kasse",
        ]),
        read_aloud(&[
            "Jeg vil gerne have, at de spørger mig, hvad jeg har brug for, i stedet for at bestemme det hen over hovedet på mig.",
            "other:Min gamle kontaktperson fra herberget",
            "1,2",
            "3",
            "dont_know",
            "Spørg ind til vores behov.",
        ]),
        p(&["at de kommer igen. mange kommer en gang og så hører man ikke mere", "3", "4", "5", "no", "opfølgning!!"]),
        p(&[
            "Støtte der er der så længe jeg har brug for den, og så slipper mig stille og roligt. Jeg er bange for at stå alene igen når det stopper",
            "1",
            "3,4,5",
            "4",
            "yes",
            "Slip os ikke for tidligt",
        ]),
    ],
    flipchart: &[],
    english: Some(&DROEMME_ENGLISH),
};

/// The open workshop in plain English: short sentences, for adults who are or have been
/// homeless.
const DROEMME_ENGLISH: DemoEnglish = DemoEnglish {
    title: "Dreams for future support",
    intro: "Today we dream about what good support should look like in the future. \
            Your answers are anonymous. You can always go back and change an answer.",
    questions: &[
        DemoQuestionEnglish {
            prompt: "If you could decide for yourself, what would the support be like?",
            help_text: "Feel free to dream big.",
            easy_read: Some("What does good help look like to you?"),
            options: &[],
        },
        DemoQuestionEnglish {
            prompt: "Who would you most like to get help from?",
            help_text: "Choose the one that fits best.",
            easy_read: None,
            options: &[
                "One regular support person",
                "A team of different professionals",
                "Someone who has been homeless themselves",
                "Family or friends",
            ],
        },
        DemoQuestionEnglish {
            prompt: "When do you most need to be able to reach someone?",
            help_text: "You can choose more than one.",
            easy_read: None,
            options: &[
                "In the morning",
                "During the day",
                "In the evening",
                "At night",
                "At the weekend",
            ],
        },
        DemoQuestionEnglish {
            prompt:
                "How important is it for you to meet others who have been through the same as you?",
            help_text: "1 is not important at all. 5 is very important.",
            easy_read: None,
            options: &[
                "Not important at all",
                "Not very important",
                "Somewhat important",
                "Important",
                "Very important",
            ],
        },
        DemoQuestionEnglish {
            prompt: "Do you know where to go if you need help?",
            help_text: "",
            easy_read: None,
            options: &[],
        },
        DemoQuestionEnglish {
            prompt: "What is the most important thing the Partnership should know?",
            help_text: "The Partnership is local councils, a ministry, shelters and organisations \
                        that work against homelessness.",
            easy_read: Some("What should the people who make the decisions know?"),
            options: &[],
        },
    ],
};
