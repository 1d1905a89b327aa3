//! The room's pages: the wall, its control page, and the participant's round page.

mod control;
mod round;
mod wall;

pub use control::{
    control_page, moderation_live, CardRow, ControlPage, ModerationQuestion, RoundControl,
};
pub use round::{round_page, RoundPage};
pub use wall::{
    check_line, round_on_wall, wall_live, wall_page, RoundOnWall, Shown, WallQuestion,
    CARDS_ON_WALL, WORDS_ON_WALL,
};
