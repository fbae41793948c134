//! The interface's words for the data's values. English for now; the language work turns
//! these into per-language tables.

use crate::model::filter::SideFilter;
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

pub fn kind_label(k: ItemKind) -> &'static str {
    match k {
        ItemKind::Agreement => "Agreement",
        ItemKind::LetterOfIntent => "Letter of intent",
        ItemKind::BusinessContracts => "Business contracts",
        ItemKind::Project => "Project",
        ItemKind::Event => "Event",
        ItemKind::Mission => "Mission or visit",
        ItemKind::Tender => "Tender",
        ItemKind::AirRoute => "Air route",
    }
}

pub fn domain_label(d: Domain) -> &'static str {
    match d {
        Domain::Tourism => "Tourism",
        Domain::MountainPlanning => "Mountain planning and equipment",
        Domain::Training => "Training and education",
        Domain::Sport => "Sport",
        Domain::SustainableDevelopment => "Sustainable development and energy",
        Domain::SmartCity => "Smart city and digital",
        Domain::Transport => "Transport",
    }
}

pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Signed => "Signed",
        Status::InProgress => "In progress",
        Status::Planned => "Planned",
        Status::UnderStudy => "Under study",
        Status::Held => "Held",
        Status::Completed => "Completed",
    }
}

pub fn side_label(s: SideFilter) -> &'static str {
    match s {
        SideFilter::France => "Involves France",
        SideFilter::China => "Involves China",
        SideFilter::Both => "Involves both",
    }
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `29 November 2018`.
pub fn long_date(day: i64) -> String {
    let (y, m, d) = crate::model::time::civil(day);
    format!("{d} {} {y}", MONTHS[m as usize - 1])
}

/// `November 2018`.
pub fn month_year(day: i64) -> String {
    let (y, m, _) = crate::model::time::civil(day);
    format!("{} {y}", MONTHS[m as usize - 1])
}
