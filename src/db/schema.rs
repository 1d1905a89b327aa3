//! The one portable schema for both backends: TEXT ids, naive UTC timestamps, BOOL,
//! INTEGER, JSON as TEXT. Keep in step with `migrations/{sqlite,postgres}`.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Nullable<Text>,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    staff_sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        second_factor_verified -> Bool,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        token_hash -> Text,
        user_id -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        window_start -> Timestamp,
        hits -> Integer,
        pending -> Integer,
    }
}

diesel::table! {
    second_factors (user_id) {
        user_id -> Text,
        secret -> Nullable<Text>,
        enabled_at -> Nullable<Timestamp>,
        last_step -> Nullable<BigInt>,
        setup_secret -> Nullable<Text>,
    }
}

diesel::table! {
    recovery_codes (user_id, code_hash) {
        user_id -> Text,
        code_hash -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    pending_logins (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    tracks (id) {
        id -> Text,
        title -> Text,
        year -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    topics (id) {
        id -> Text,
        track_id -> Text,
        title -> Text,
        description -> Text,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        same_people -> Bool,
    }
}

diesel::table! {
    workshops (id) {
        id -> Text,
        topic_id -> Text,
        title -> Text,
        intro -> Text,
        starts_at -> Nullable<Timestamp>,
        location -> Text,
        status -> Text,
        join_code -> Text,
        retention_days -> Integer,
        closed_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        attendance -> Nullable<Integer>,
        answers_deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    questions (id) {
        id -> Text,
        workshop_id -> Text,
        position -> Integer,
        kind -> Text,
        prompt -> Text,
        help_text -> Text,
        easy_read_prompt -> Nullable<Text>,
        options -> Text,
        allow_other -> Bool,
        required -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    participants (id) {
        id -> Text,
        workshop_id -> Text,
        token_hash -> Text,
        source -> Text,
        language -> Text,
        consent_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        withdrawal_code_hash -> Nullable<Text>,
        created_at -> Timestamp,
        person_number -> Nullable<Integer>,
    }
}

diesel::table! {
    answers (id) {
        id -> Text,
        participant_id -> Text,
        question_id -> Text,
        value -> Text,
        declined -> Bool,
        entered_by -> Text,
        entered_by_user_id -> Nullable<Text>,
        submission_key -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    answer_submissions (submission_key) {
        submission_key -> Text,
        answer_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    undo_steps (id) {
        id -> Text,
        topic_id -> Text,
        user_id -> Nullable<Text>,
        action -> Text,
        summary -> Text,
        themes -> Text,
        payload -> Text,
        created_at -> Timestamp,
        undone_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    themes (id) {
        id -> Text,
        topic_id -> Text,
        parent_id -> Nullable<Text>,
        title -> Text,
        summary -> Text,
        position -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    theme_answers (theme_id, answer_id) {
        theme_id -> Text,
        answer_id -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    key_points (id) {
        id -> Text,
        topic_id -> Text,
        theme_id -> Nullable<Text>,
        position -> Integer,
        text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    quotes (id) {
        id -> Text,
        answer_id -> Nullable<Text>,
        text -> Text,
        status -> Text,
        created_by -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        workshop_id -> Text,
        question_id -> Text,
        entered_by -> Text,
        from_flipchart -> Bool,
        safe_reason -> Nullable<Text>,
    }
}

diesel::table! {
    quote_themes (quote_id, theme_id) {
        quote_id -> Text,
        theme_id -> Text,
    }
}

diesel::table! {
    workshop_findings (workshop_id) {
        workshop_id -> Text,
        findings -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    answer_vectors (answer_id) {
        answer_id -> Text,
        model -> Text,
        vector -> Binary,
        answer_updated_at -> Timestamp,
    }
}

diesel::table! {
    rejected_guesses (answer_id, theme_id) {
        answer_id -> Text,
        theme_id -> Text,
        rejected_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    rejected_suggestions (topic_id, fingerprint) {
        topic_id -> Text,
        fingerprint -> Text,
        rejected_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    translations (subject_id, lang, field) {
        subject_id -> Text,
        workshop_id -> Text,
        lang -> Text,
        field -> Text,
        text -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        user_id -> Nullable<Text>,
        action -> Text,
        subject -> Text,
        detail -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    site_settings (key) {
        key -> Text,
        value -> Text,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(staff_sessions -> users (user_id));
diesel::joinable!(topics -> tracks (track_id));
diesel::joinable!(workshops -> topics (topic_id));
diesel::table! {
    live_events (id) {
        id -> BigInt,
        workshop_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    walls (workshop_id) {
        workshop_id -> Text,
        token -> Nullable<Text>,
        show_join -> Bool,
        word_view -> Bool,
        let_all_through -> Bool,
        question_id -> Nullable<Text>,
        timer_ends_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    wall_answers (answer_id) {
        answer_id -> Text,
        shown -> Bool,
        answer_updated_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Timestamp,
    }
}

diesel::table! {
    rounds (id) {
        id -> Text,
        workshop_id -> Text,
        kind -> Text,
        dots -> Integer,
        opened_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    round_items (id) {
        id -> Text,
        round_id -> Text,
        position -> Integer,
        theme_id -> Nullable<Text>,
        key_point_id -> Nullable<Text>,
        text -> Text,
    }
}

diesel::table! {
    round_answers (item_id, participant_id) {
        item_id -> Text,
        participant_id -> Text,
        verdict -> Nullable<Text>,
        comment -> Text,
        dots -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    round_hands (item_id) {
        item_id -> Text,
        yes -> Integer,
        partly -> Integer,
        no -> Integer,
        recorded_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    round_kept (item_id) {
        item_id -> Text,
        yes -> Integer,
        partly -> Integer,
        no -> Integer,
        dots -> Integer,
        voters -> Integer,
    }
}

diesel::joinable!(questions -> workshops (workshop_id));
diesel::joinable!(round_kept -> round_items (item_id));
diesel::joinable!(rounds -> workshops (workshop_id));
diesel::joinable!(round_items -> rounds (round_id));
diesel::joinable!(round_answers -> round_items (item_id));
diesel::joinable!(round_answers -> participants (participant_id));
diesel::joinable!(round_hands -> round_items (item_id));
diesel::joinable!(live_events -> workshops (workshop_id));
diesel::joinable!(walls -> workshops (workshop_id));
diesel::joinable!(wall_answers -> answers (answer_id));
diesel::joinable!(participants -> workshops (workshop_id));
diesel::joinable!(answers -> participants (participant_id));
diesel::joinable!(answers -> questions (question_id));
diesel::joinable!(answer_submissions -> answers (answer_id));
diesel::joinable!(themes -> topics (topic_id));
diesel::joinable!(theme_answers -> themes (theme_id));
diesel::joinable!(theme_answers -> answers (answer_id));
diesel::joinable!(answer_vectors -> answers (answer_id));
diesel::joinable!(rejected_guesses -> answers (answer_id));
diesel::joinable!(rejected_guesses -> themes (theme_id));
diesel::joinable!(quotes -> answers (answer_id));
diesel::joinable!(quotes -> workshops (workshop_id));
diesel::joinable!(quotes -> questions (question_id));
diesel::joinable!(quote_themes -> quotes (quote_id));
diesel::joinable!(quote_themes -> themes (theme_id));
diesel::joinable!(workshop_findings -> workshops (workshop_id));
diesel::joinable!(translations -> workshops (workshop_id));
diesel::joinable!(audit_events -> users (user_id));
diesel::joinable!(second_factors -> users (user_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(pending_logins -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    site_settings,
    staff_sessions,
    invitations,
    rate_limits,
    second_factors,
    recovery_codes,
    pending_logins,
    tracks,
    topics,
    workshops,
    questions,
    participants,
    answers,
    answer_submissions,
    themes,
    theme_answers,
    key_points,
    quotes,
    quote_themes,
    workshop_findings,
    rejected_suggestions,
    answer_vectors,
    rejected_guesses,
    translations,
    audit_events,
    live_events,
    walls,
    wall_answers,
    rounds,
    round_items,
    round_answers,
    round_hands,
    round_kept,
    undo_steps,
);
