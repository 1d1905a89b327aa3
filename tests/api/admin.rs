use deltag::auth::Role;
use deltag::db::schema::{audit_events, staff_sessions, users};
use deltag::db::Backend;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of};
use crate::on_both_backends;

async fn each_role_reaches_exactly_its_route_families(backend: Backend) {
    let app = spawn_app(backend).await;
    // Anonymous: sent to login for every staff family.
    for path in ["/staff", "/admin/users"] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 303, "{path}");
        assert!(location(&res).starts_with("/login?next="), "{path}");
    }
    let res = app
        .post_form("/admin/users", &[("name", "X"), ("email", "x@example.dk"), ("role", "admin")])
        .await;
    assert_eq!(res.status().as_u16(), 303, "anonymous admin post goes to login");

    for (role, admin_ok) in [(Role::Admin, true), (Role::Facilitator, false), (Role::Viewer, false)]
    {
        let client = app.other_client();
        let me = client.login_as(role).await;
        assert_eq!(client.get("/staff").await.status().as_u16(), 200, "{role}: staff overview");
        let res = client.get("/admin/users").await;
        assert_eq!(res.status().as_u16(), if admin_ok { 200 } else { 403 }, "{role}: admin pages");
        if !admin_ok {
            let page = res.text().await.unwrap_or_default();
            assert_eq!(text_of(&page, "h1").as_deref(), Some("Du har ikke adgang til siden"));
            let email = format!("sneaky-{}@example.dk", role.as_str());
            let res = client
                .post_form(
                    "/admin/users",
                    &[("name", "Sneaky"), ("email", &email), ("role", "admin")],
                )
                .await;
            assert_eq!(res.status().as_u16(), 403, "{role}: cannot add users");
            let res = client
                .post_form(&format!("/admin/users/{}/role", me.id), &[("role", "admin")])
                .await;
            assert_eq!(res.status().as_u16(), 403, "{role}: cannot promote themselves");
            let res = client.post_form(&format!("/admin/users/{}/disable", me.id), &[]).await;
            assert_eq!(res.status().as_u16(), 403, "{role}: cannot disable");
            let n: i64 = users::table
                .filter(users::email.eq(&email))
                .count()
                .get_result(&mut *app.conn())
                .expect("count");
            assert_eq!(n, 0);
            let stored: String = users::table
                .find(&me.id)
                .select(users::role)
                .first(&mut *app.conn())
                .expect("role");
            assert_eq!(stored, role.as_str());
        }
    }
}

async fn a_disabled_users_session_dies_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.other_client();
    admin.login_as(Role::Admin).await;
    let victim = app.login_as(Role::Facilitator).await;
    assert_eq!(app.get("/staff").await.status().as_u16(), 200);

    let res = admin.post_form(&format!("/admin/users/{}/disable", victim.id), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/users?done=disable");
    let left: i64 = staff_sessions::table
        .filter(staff_sessions::user_id.eq(&victim.id))
        .count()
        .get_result(&mut *app.conn())
        .expect("count");
    assert_eq!(left, 0);
    assert_eq!(app.get("/staff").await.status().as_u16(), 303, "the open session is gone");
    assert_eq!(app.login(&victim.email, &victim.password).await.status().as_u16(), 422);

    // Enabled again, they can log in.
    admin.post_form(&format!("/admin/users/{}/enable", victim.id), &[]).await;
    assert_eq!(app.login(&victim.email, &victim.password).await.status().as_u16(), 303);
    let actions: Vec<String> = audit_events::table
        .filter(audit_events::subject.eq(&victim.id))
        .filter(audit_events::action.like("user.%"))
        .order(audit_events::at)
        .select(audit_events::action)
        .load(&mut *app.conn())
        .expect("audit");
    assert_eq!(actions, ["user.disable", "user.enable"]);
}

async fn admins_invite_users_who_choose_their_own_password(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Admin).await;
    let res = app
        .post_form(
            "/admin/users",
            &[("name", "Søren Ås"), ("email", "soren@example.dk"), ("role", "viewer")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap_or_default();
    let link =
        crate::helpers::attr_of(&page, "#invite-link", "value").expect("invitation link shown");
    let path = link.strip_prefix(&app.address).expect("link on our base url").to_owned();
    assert!(path.starts_with("/setup/"));
    let (role, hash): (String, Option<String>) = users::table
        .filter(users::email.eq("soren@example.dk"))
        .select((users::role, users::password_hash))
        .first(&mut *app.conn())
        .expect("invited user");
    assert_eq!((role.as_str(), hash), ("viewer", None));

    // The same address again: 422, no second account.
    let res = app
        .post_form(
            "/admin/users",
            &[("name", "Søren"), ("email", "SOREN@example.dk"), ("role", "viewer")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(
        text_of(&page, ".error-summary li").as_deref(),
        Some("Der er allerede en bruger med den e-mailadresse")
    );

    let soren = app.other_client();
    let page = soren.get_html(&path).await;
    assert!(text_of(&page, "main").unwrap_or_default().contains("soren@example.dk"));
    let pw = "Søren vælger en lang adgangskode";
    let res = soren.post_form(&path, &[("password", pw), ("confirm", "noget andet helt")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let res = soren.post_form(&path, &[("password", pw), ("confirm", pw)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(soren.get("/staff").await.status().as_u16(), 200);
    assert_eq!(soren.get("/admin/users").await.status().as_u16(), 403, "a viewer");
    assert_eq!(app.other_client().login("soren@example.dk", pw).await.status().as_u16(), 303);
}

async fn roles_change_but_never_your_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let me = app.login_as(Role::Admin).await;
    let other = app.create_user(Role::Viewer);
    let res =
        app.post_form(&format!("/admin/users/{}/role", other.id), &[("role", "facilitator")]).await;
    assert_eq!(location(&res), "/admin/users?done=role");
    let role: String =
        users::table.find(&other.id).select(users::role).first(&mut *app.conn()).expect("role");
    assert_eq!(role, "facilitator");
    let page = app.get_html("/admin/users?done=role").await;
    assert_eq!(text_of(&page, ".notice").as_deref(), Some("Rollen er ændret."));

    // The acting admin always remains an active admin.
    let res = app.post_form(&format!("/admin/users/{}/role", me.id), &[("role", "viewer")]).await;
    assert_eq!(res.status().as_u16(), 400);
    let res = app.post_form(&format!("/admin/users/{}/disable", me.id), &[]).await;
    assert_eq!(res.status().as_u16(), 400);
    let (role, disabled): (String, bool) = users::table
        .find(&me.id)
        .select((users::role, users::disabled))
        .first(&mut *app.conn())
        .expect("me");
    assert_eq!((role.as_str(), disabled), ("admin", false));
    let res = app.post_form("/admin/users/no-such-id/role", &[("role", "viewer")]).await;
    assert_eq!(res.status().as_u16(), 404);
}

on_both_backends!(
    each_role_reaches_exactly_its_route_families,
    a_disabled_users_session_dies_at_once,
    admins_invite_users_who_choose_their_own_password,
    roles_change_but_never_your_own,
);
