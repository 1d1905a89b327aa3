//! Room routes: the wall behind its link (`/v/{token}`), and its control page for staff.

mod control;
mod wall;

crate::routes! {
    get "/staff/workshops/{id}/wall" => control::get_control;
    get "/staff/workshops/{id}/wall/events" => control::get_events;
    post "/staff/workshops/{id}/wall/link" => control::post_link;
    post "/staff/workshops/{id}/wall/revoke" => control::post_revoke;
    post "/staff/workshops/{id}/wall/settings" => control::post_settings;
    post "/staff/workshops/{id}/wall/timer" => control::post_timer;
    post "/staff/workshops/{id}/wall/cards" => control::post_card;
    post "/staff/workshops/{id}/wall/round" => control::post_round;
    post "/staff/workshops/{id}/wall/round/close" => control::post_round_close;
    post "/staff/workshops/{id}/wall/hands" => control::post_hands;
    post "/staff/workshops/{id}/wall/order" => control::post_order;
    get "/v/{token}" => wall::get_wall;
    get "/v/{token}/events" => wall::get_events;
}
