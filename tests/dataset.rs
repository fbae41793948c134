//! The dataset the app ships must load cleanly, say where each item comes from, and
//! hold what the two source documents say.

use passerelle::model::{Dataset, ItemKind, Lang, Status, parse_dataset};

fn shipped() -> Dataset {
    // Relative to the package root, where cargo runs its tests (a path compiled in
    // would break once the checkout moves while target/ stays warm).
    let path = "public/data/cooperation.json";
    let text = std::fs::read_to_string(path).expect("public/data/cooperation.json is readable");
    let loaded = parse_dataset("data/cooperation.json", &text).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "the shipped dataset has warnings:\n{}", warnings.join("\n"));
    loaded.dataset
}

#[test]
fn shipped_dataset_is_valid_without_warnings() {
    let ds = shipped();
    assert!(
        ds.items.len() >= 20 && ds.sites.len() >= 15 && ds.actors.len() >= 25,
        "the shipped dataset is the full one"
    );
}

#[test]
fn every_shipped_item_cites_a_source_and_a_place() {
    let ds = shipped();
    for item in &ds.items {
        assert!(!item.sources.is_empty(), "item {} cites no source", item.id);
        for c in &item.sources {
            assert!(ds.sources.iter().any(|s| s.id == c.source), "item {} cites unknown source {}", item.id, c.source);
            assert!(
                c.place.contains('«'),
                "item {} cites {} without quoting the place: {}",
                item.id,
                c.source,
                c.place
            );
        }
    }
    for source in &ds.sources {
        assert!(
            ds.items.iter().any(|i| i.sources.iter().any(|c| c.source == source.id)),
            "source {} is never cited",
            source.id
        );
    }
}

/// Neither document gives a coordinate, so every site must say its coordinates are
/// common knowledge.
#[test]
fn every_coordinate_is_marked_as_not_from_the_sources() {
    for site in shipped().sites {
        assert!(
            site.not_from_sources.iter().any(|f| f == "coordinates"),
            "site {} does not mark its coordinates",
            site.id
        );
    }
}

/// Every organisation and person the documents name is in the dataset, spelt as they spell it.
#[test]
fn every_named_actor_of_the_sources_is_present() {
    let ds = shipped();
    let named = [
        "Région Auvergne-Rhône-Alpes",
        "Laurent Wauquiez",
        "Province du Hebei",
        "Ville de Chambéry",
        "Ville de Zhangjiakou",
        "Ville de Chamonix",
        "Cluster Montagne",
        "POMA",
        "MND",
        "CDA",
        "ABEST",
        "Dianeige",
        "MDP",
        "Club Med",
        "Sanisphere",
        "SNOOC",
        "4footsolutions",
        "Plasticval",
        "Aéroports de Lyon",
        "Université Savoie Mont Blanc",
        "Savoie Technolac",
        "Savoie Grand Revard",
        "Club de ski nordique de La Féclaz",
        "French Tech Chambéry",
        "Shawinigan",
        "Turin",
    ];
    for name in named {
        assert!(ds.actors.iter().any(|a| a.name.get(Lang::Fr).starts_with(name)), "no actor named {name}");
    }
    // Named otherwise than the sources spell them, for a reason the actor's note gives,
    // quoting the sources' spelling.
    for (name, spelt) in [
        ("Zhu Haowen", "Haowen Zhu"),
        ("Pierre & Vacances-Center Parcs (PVCP)", "PVCP"),
        ("École du ski français de Val Thorens (ESF)", "École de ski français"),
        ("District de Yanqing (Pékin)", "ville de Yanqing"),
    ] {
        let actor =
            ds.actors.iter().find(|a| a.name.get(Lang::Fr) == name).unwrap_or_else(|| panic!("no actor named {name}"));
        let note = actor.note.as_ref().unwrap_or_else(|| panic!("{name} has no note")).get(Lang::Fr).to_owned();
        assert!(note.contains(spelt), "the note on {name} does not quote the sources' \"{spelt}\": {note}");
        assert!(actor.not_from_sources.iter().any(|f| f == "name"), "{name} does not mark its name");
    }
    let places = [
        "Chambéry",
        "Lyon",
        "Val Thorens",
        "Albertville",
        "Chamonix",
        "Mont Blanc",
        "La Féclaz",
        "Massif des Bauges",
        "Savoie Technolac",
        "Université Savoie Mont Blanc",
        "Zhangjiakou",
        "Yanqing",
        "Pékin",
        "Shanghai",
        "Shawinigan",
        "Turin",
    ];
    for place in places {
        assert!(ds.sites.iter().any(|s| s.name.get(Lang::Fr) == place), "no site named {place}");
    }
}

/// The numbers the documents give: 12 contracts, more than 900 000 inhabitants, 10 years.
#[test]
fn the_sources_figures_are_recorded() {
    let ds = shipped();
    let item_figures: Vec<f64> = ds.items.iter().flat_map(|i| i.figures.iter().map(|f| f.value)).collect();
    for value in [12.0, 10.0, 900_000.0] {
        assert!(item_figures.contains(&value), "no item records the figure {value}");
    }
    let zhangjiakou = ds.site("zhangjiakou").expect("Zhangjiakou");
    assert!(zhangjiakou.figures.iter().any(|f| f.value == 900_000.0), "Zhangjiakou's population");
}

/// What is only proposed or planned must not look done.
#[test]
fn proposals_are_marked_as_such() {
    let ds = shipped();
    let route = ds.items.iter().find(|i| i.kind == ItemKind::AirRoute).expect("the air route");
    assert_eq!(route.status, Status::UnderStudy);
    assert!(route.when.is_undated(), "the sources give the route no date");
    for id in ["esf-ski-school-zhangjiakou", "training-site-tenders", "cluster-mission-2019"] {
        let item = ds.items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("item {id}"));
        assert_eq!(item.status, Status::Planned, "{id}");
    }
}

/// Where the documents disagree, both readings are kept in a note.
#[test]
fn contradictions_keep_both_readings() {
    let ds = shipped();
    let note = |id: &str| {
        ds.items
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.note.clone())
            .unwrap_or_else(|| panic!("note on {id}"))
            .get(Lang::Fr)
            .to_owned()
    };
    assert!(
        note("loi-chambery-zhangjiakou").contains("accords de coopération")
            && note("loi-chambery-zhangjiakou").contains("lettre d'intention")
    );
    let games = ds.items.iter().find(|i| i.id == "winter-olympics-2022").expect("the Games");
    assert!(
        games.description.get(Lang::Fr).contains("la plupart des épreuves alpines et nordiques"),
        "the article's claim, quoted"
    );
    assert!(
        note("winter-olympics-2022").contains("« les épreuves alpines et nordiques »"),
        "the Chambéry text's reading"
    );
    assert!(note("cluster-mission-2019").contains("Alpitec China 2018"));
}

fn item<'a>(ds: &'a Dataset, id: &str) -> &'a passerelle::model::Item {
    ds.items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("item {id}"))
}

/// The fact-check of issue 13: what the articles get wrong is corrected in a marked note,
/// names are written as their owners write them, and every inference is marked.
#[test]
fn the_fact_checked_corrections_hold() {
    let ds = shipped();
    // Alpine skiing was in Yanqing (Beijing); Zhangjiakou had the Nordic events. Marked.
    let games = item(&ds, "winter-olympics-2022");
    for (lang, note) in
        [("fr", games.note.as_ref().unwrap().get(Lang::Fr)), ("en", games.note.as_ref().unwrap().get(Lang::En))]
    {
        assert!(
            note.contains("Yanqing") && note.contains("Zhangjiakou") && note.contains("biathlon"),
            "{lang}: {note}"
        );
    }
    assert!(games.note.as_ref().unwrap().get(Lang::En).contains("alpine skiing events were held in Yanqing"));
    assert!(
        !games.note.as_ref().unwrap().get(Lang::Zh).contains("全部"),
        "the Chambéry text says « les », not \"all\""
    );
    assert!(games.not_from_sources.iter().any(|f| f == "note"));
    assert_eq!((games.when.start.as_deref(), games.when.end.as_deref()), (Some("2022-02-04"), Some("2022-02-20")));
    assert!(!games.title.get(Lang::En).contains("Paralympic"), "the Olympics' dates are the Olympics' only");
    let para = item(&ds, "paralympics-2022");
    assert_eq!((para.when.start.as_deref(), para.when.end.as_deref()), (Some("2022-03-04"), Some("2022-03-13")));
    assert!(para.not_from_sources.iter().any(|f| f == "when"), "the Paralympics' dates are common knowledge");
    // Alpitec China, with the article's spelling kept in the note.
    let evening = item(&ds, "france-china-evening-2017");
    assert!(
        evening.title.get(Lang::Fr).contains("Alpitec China 2017")
            && evening.title.get(Lang::En).contains("Alpitec")
            && evening.title.get(Lang::Zh).contains("Alpitec")
    );
    assert!(evening.note.as_ref().unwrap().get(Lang::Fr).contains("« Apitec China 2017 »"));
    assert!(evening.sources[0].place.contains("Apitec China 2017"), "the quote stays word for word");
    assert!(item(&ds, "cluster-mission-2019").note.as_ref().unwrap().get(Lang::En).contains("more likely reading"));
    // Family name first, in every language, and in every text about him.
    let zhu = ds.actors.iter().find(|a| a.id == "zhu-haowen").expect("Zhu Haowen");
    assert_eq!([zhu.name.get(Lang::Fr), zhu.name.get(Lang::En), zhu.name.get(Lang::Zh)], ["Zhu Haowen"; 3]);
    assert_eq!(zhu.role.as_ref().unwrap().get(Lang::Zh), "河北省人民政府秘书长");
    for i in &ds.items {
        for text in [&i.title, &i.description] {
            for t in Lang::ALL.map(|l| text.get(l)) {
                assert!(!t.contains("Haowen Zhu"), "{}: {t}", i.id);
            }
        }
    }
    // The inferences are marked: the year of the 29 November items, the dates of the
    // contracts "over the past year", the statuses the texts only imply.
    for id in [
        "agreement-aura-hebei",
        "hebei-delegation-chambery",
        "forum-2018-chambery",
        "loi-chambery-zhangjiakou",
        "business-contracts-2018",
        "hebei-delegation-visits",
        "cluster-contracts-china",
    ] {
        assert!(item(&ds, id).not_from_sources.iter().any(|f| f == "when"), "{id} does not mark its inferred date");
    }
    for id in ["strategic-plan-10-years", "connected-territory"] {
        assert!(item(&ds, id).not_from_sources.iter().any(|f| f == "status"), "{id} does not mark its inferred status");
    }
    // The delegation's day of visits: the day before the 29th, approximately.
    let visits = item(&ds, "hebei-delegation-visits");
    assert_eq!(visits.when.start.as_deref(), Some("2018-11-28"));
    assert_eq!(visits.when.precision, passerelle::model::Precision::Approximate);
    // Yanqing is a district of Beijing; Zhangjiakou's figure is explained.
    assert!(ds.site("yanqing").unwrap().region.get(Lang::En).contains("Beijing"));
    assert!(item(&ds, "agreement-chamonix-yanqing").description.get(Lang::En).contains("a district of Beijing"));
    assert!(
        ds.site("zhangjiakou")
            .unwrap()
            .note
            .as_ref()
            .expect("a note on the population")
            .get(Lang::En)
            .contains("4.1 million")
    );
    // No Chinese text speaks of "our region".
    let zh: Vec<&str> = ds
        .items
        .iter()
        .flat_map(|i| [i.title.get(Lang::Zh), i.description.get(Lang::Zh)])
        .chain(ds.sources.iter().map(|s| s.title.get(Lang::Zh)))
        .collect();
    assert!(zh.iter().all(|t| !t.contains("本大区")), "\"本大区\" reads oddly to a Chinese reader");
}

/// The second fact-check (issue 24): what the articles leave open is marked, texts keep
/// the articles' tense and number, and the tour's time cursor only moves forward.
#[test]
fn the_second_fact_check_holds() {
    let ds = shipped();
    let marks = |fields: &[String], f: &str| fields.iter().any(|x| x == f);
    // The year of the February mission is a reading of the sentence: marked, both readings given.
    let february = item(&ds, "aura-mission-2018-02");
    assert!(marks(&february.not_from_sources, "when"));
    let note = &february.note.as_ref().unwrap().get(Lang::En);
    assert!(note.contains("May only") && note.contains("February 2017"), "{note}");
    // Big air was in Beijing (Shougang), not in Zhangjiakou.
    let games = item(&ds, "winter-olympics-2022").note.as_ref().unwrap();
    assert!(
        games.get(Lang::En).contains("most freestyle skiing and snowboard events")
            && games.get(Lang::En).contains("Shougang")
    );
    assert!(games.get(Lang::Zh).contains("首钢") && games.get(Lang::Fr).contains("Shougang"));
    // The article's « initié », quoted as it is.
    assert!(item(&ds, "connected-territory").note.as_ref().unwrap().get(Lang::Fr).contains("« initié »"));
    // The forum's place follows from the signings': marked.
    assert!(marks(&item(&ds, "forum-2018-chambery").not_from_sources, "sites.chambery"));
    // The official Chinese title is the actor's (marked there), not the items' nor the tour's.
    for i in &ds.items {
        assert!(!i.description.get(Lang::Zh).contains("人民政府秘书长"), "{}", i.id);
    }
    // The départements, the Chinese names and the kinds the articles do not give: marked.
    for s in &ds.sites {
        if s.side == passerelle::model::Side::France {
            assert!(marks(&s.not_from_sources, "region"), "{}: the département is common knowledge", s.id);
        }
    }
    assert!(ds.site("massif-des-bauges").unwrap().region.get(Lang::Fr).starts_with("Savoie et Haute-Savoie"));
    for id in ["zhangjiakou", "yanqing", "beijing", "shanghai"] {
        assert!(marks(&ds.site(id).unwrap().not_from_sources, "name.zh"), "{id}");
    }
    for id in ["province-hebei", "city-zhangjiakou"] {
        assert!(marks(&ds.actor(id).unwrap().not_from_sources, "name.zh"), "{id}");
    }
    for id in ["la-feclaz", "savoie-technolac"] {
        assert!(marks(&ds.site(id).unwrap().not_from_sources, "kind"), "{id}");
    }
    // The article's future tense; one country, as the text says.
    let plan = item(&ds, "strategic-plan-10-years");
    assert!(
        plan.description.get(Lang::Fr).contains("s'y intégreront")
            && plan.description.get(Lang::En).contains("will fit")
    );
    assert_eq!(plan.figures[0].label.get(Lang::Fr), "ans");
    assert!(item(&ds, "cz-sustainable-development").description.get(Lang::Zh).contains("一个快速发展的国家"));
    // Why the university, as the article gives it.
    assert!(
        item(&ds, "cz-university-training")
            .description
            .get(Lang::Fr)
            .contains("« Proches des besoins du développement de nos montagnes »")
    );
    // The tour: a speaker (not a spokesperson), notes beyond the articles marked, and a time
    // cursor that never goes back from one step to the next.
    let tour = &ds.tours[0];
    assert!(tour.summary.get(Lang::Zh).contains("演讲者") && !tour.summary.get(Lang::Zh).contains("发言人"));
    for s in &tour.steps {
        assert!(!s.notes.get(Lang::Zh).contains("人民政府秘书长"));
    }
    for id in [
        "france-china-evening-2017",
        "agreement-aura-hebei",
        "business-contracts-2018",
        "agreement-chamonix-yanqing",
        "winter-olympics-2022",
    ] {
        let step = tour.steps.iter().find(|s| s.item.as_deref() == Some(id)).unwrap();
        assert!(marks(&step.not_from_sources, "notes"), "the notes of {id} say more than the articles");
    }
    // (A step on an undated item shows every date.)
    let times: Vec<i64> = passerelle::model::tour::steps(&ds, Some(&tour.id)).iter().filter_map(|s| s.time).collect();
    assert!(times.len() >= 8, "the dated steps set the cursor");
    for pair in times.windows(2) {
        assert!(pair[0] <= pair[1], "the cursor goes back from {} to {}", pair[0], pair[1]);
    }
    // The missions' step shows both: its cursor at the end of May 2018.
    let missions = tour.steps.iter().find(|s| s.item.as_deref() == Some("aura-mission-2018-02")).unwrap();
    assert_eq!(missions.time.as_deref(), Some("2018-05-31"));
}
