//! The data's values in the order the interface lists them (their names are in
//! [`crate::i18n`]).

use crate::model::{Domain, ItemKind, Status};

pub const ITEM_KINDS: [ItemKind; 8] = [
    ItemKind::Agreement,
    ItemKind::LetterOfIntent,
    ItemKind::BusinessContracts,
    ItemKind::Project,
    ItemKind::Event,
    ItemKind::Mission,
    ItemKind::Tender,
    ItemKind::AirRoute,
];

pub const DOMAINS: [Domain; 7] = [
    Domain::Tourism,
    Domain::MountainPlanning,
    Domain::Training,
    Domain::Sport,
    Domain::SustainableDevelopment,
    Domain::SmartCity,
    Domain::Transport,
];

pub const STATUSES: [Status; 6] = [Status::Signed, Status::InProgress, Status::Planned, Status::UnderStudy, Status::Held, Status::Completed];
