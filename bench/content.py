"""The content of a synthetic job pack: a seeded, deterministic generator of realistic text.

A pack is a school job description and person specification as UK schools publish them: a
welcome and a page about the school, a key/value table of post details, the job purpose, duty
sections (bullets, numbers or letters), a person-specification table whose Essential and
Desirable cells hold lists, a safeguarding statement and how to apply. ``make_pack(seed, i)``
gives the same pack for the same arguments on every machine (``random.Random`` only; no hash
seeds, no clock).

Every duty and criterion written into a pack is kept on the :class:`Pack` as the ground truth
that the recall check in ``bench/tasks.py`` compares the parsed specs with.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PLACES = [
    "Ashford", "Brambleton", "Calder Vale", "Dunmere", "Elmsworth", "Fairhaven", "Greyfield", "Hartwell",
    "Ivybridge Lane", "Juniper Hill", "Kingsmead", "Larkrise", "Marlow Green", "Northbrook", "Oakhurst",
    "Pennington", "Queensbury", "Redmarsh", "Southcote", "Thornbury", "Upton Vale", "Westmoor", "Yarrowby",
    "Ambleside Road", "Beechcroft", "Coldharbour", "Dovecote", "Eastfield", "Foxley", "Glebe Farm",
]
SCHOOL_KINDS = [
    "Primary School", "Infant School", "Junior School", "Academy", "Community School", "High School",
    "Church of England Primary School", "Catholic Primary School", "Special School", "Free School",
]
TRUSTS = [
    "the Riverbend Learning Trust", "the Three Counties Academy Trust", "the Northern Lights Partnership",
    "the Heartwood Multi-Academy Trust", "the St Aidan's Diocesan Trust", "the Brook Valley Federation",
]
STREETS = ["Mill Lane", "Church Road", "Station Road", "School Lane", "Victoria Street", "Park Avenue",
           "Orchard Way", "High Street", "Meadow Close", "Bridge Street"]

# (title, grade, (salary low, salary high), hours, reports to)
POSTS = [
    ("Teaching Assistant (Level 2)", "Grade 4, SCP 5-6", (24790, 25183), "32.5 hours per week, term time only (39 weeks)",
     "Class teacher and the Inclusion Lead (SENCO)"),
    ("Teaching Assistant (Level 3)", "Grade 5, SCP 7-11", (25584, 27269), "32.5 hours per week, term time only (39 weeks)",
     "Class teacher and the SENCO"),
    ("Higher Level Teaching Assistant", "Grade 6, SCP 12-17", (27711, 30059), "35 hours per week, term time plus 5 days",
     "Assistant Headteacher"),
    ("Learning Mentor", "Grade 6, SCP 12-17", (27711, 30059), "37 hours per week, term time plus 10 days",
     "Designated Safeguarding Lead"),
    ("Pastoral Support Worker", "Grade 6, SCP 12-17", (27711, 30059), "37 hours per week, term time only",
     "Head of Year"),
    ("Cover Supervisor", "Grade 5, SCP 7-11", (25584, 27269), "36 hours per week, term time only",
     "Cover Manager"),
    ("School Office Manager", "Grade 7, SCP 17-21", (30559, 33366), "37 hours per week, 52 weeks per year",
     "School Business Manager"),
    ("Attendance Officer", "Grade 5, SCP 7-11", (25584, 27269), "30 hours per week, term time plus 5 days",
     "Deputy Headteacher"),
    ("Science Technician", "Grade 4, SCP 5-6", (24790, 25183), "32 hours per week, term time plus 5 days",
     "Head of Science"),
    ("Exams Officer", "Grade 6, SCP 12-17", (27711, 30059), "37 hours per week, 52 weeks per year",
     "Deputy Headteacher (Curriculum)"),
    ("Special Educational Needs Teaching Assistant", "Grade 5, SCP 7-11", (25584, 27269),
     "27.5 hours per week, term time only (39 weeks)", "SENCO"),
    ("School Business Manager", "Grade 9, SCP 25-28", (37035, 40476), "37 hours per week, 52 weeks per year",
     "Headteacher"),
    ("Site Manager", "Grade 6, SCP 12-17", (27711, 30059), "40 hours per week, 52 weeks per year",
     "School Business Manager"),
    ("Family Support Worker", "Grade 7, SCP 17-21", (30559, 33366), "37 hours per week, term time plus 10 days",
     "Designated Safeguarding Lead"),
]

SECTION_HEADINGS = [
    "Supporting pupils", "Supporting the teacher", "Supporting the curriculum", "Supporting the school",
    "Safeguarding and welfare", "Communication and liaison", "Administration and records",
    "Behaviour and attendance", "Working with families", "Health and safety", "Professional development",
    "Resources and the learning environment", "Inclusion and special educational needs",
]

DUTY_STEMS = [
    "Work with individual pupils and small groups on reading, phonics, writing and number activities planned by the class teacher",
    "Help pupils with special educational needs to work towards the targets in their support plans",
    "Encourage pupils to become confident, independent learners and to take responsibility for their own work",
    "Promote good behaviour by applying the school's behaviour policy fairly and consistently",
    "Help with the personal care, medical and physical needs of pupils, respecting their privacy and dignity",
    "Supervise pupils at break and lunchtime, on educational visits and during out-of-class activities",
    "Pass on any concern about a pupil's welfare straight away to the Designated Safeguarding Lead",
    "Prepare, organise and tidy classroom resources, learning areas and displays",
    "Observe how pupils respond to activities and keep brief, accurate notes to share with the teacher",
    "Deliver short, structured intervention sessions in phonics, spelling or number",
    "Record attendance and progress for each intervention session on the school's tracking system",
    "Help to mark pieces of work and record reading and assessment information",
    "Share information about a pupil's day with parents and carers when the teacher asks you to",
    "Attend staff meetings, briefings and training, including safeguarding and first aid updates",
    "Keep accurate records of incidents, actions taken and outcomes on the school's safeguarding system",
    "Contact parents and carers on the first day of a pupil's absence and record the reason given",
    "Produce weekly attendance reports for senior leaders and heads of year",
    "Plan and run mentoring sessions for pupils at risk of exclusion or disengagement",
    "Build positive, trusting relationships with pupils, parents and carers",
    "Liaise with outside agencies such as social care, the school nurse and the educational psychologist",
    "Contribute to reviews of education, health and care plans and write short reports when asked",
    "Support pupils through transition from primary to secondary school and between key stages",
    "Cover lessons in the absence of the class teacher, following the work that has been set",
    "Maintain a calm, purposeful learning environment in which pupils can concentrate",
    "Collect and return work set for covered lessons and pass on any issues to the subject teacher",
    "Set up practical equipment and prepare solutions and materials for science lessons",
    "Carry out risk assessments for practical activities and store chemicals safely",
    "Keep the stock of consumables and equipment under review and order new supplies within budget",
    "Manage the examination entries, timetables and seating plans for every exam series",
    "Recruit, train and deploy invigilators and make sure exams are run to the awarding bodies' rules",
    "Lead the front office team so that parents, pupils and visitors receive a friendly, efficient service",
    "Keep pupil records on the management information system accurate and up to date",
    "Process in-year admissions and leavers, including requesting and sending pupil files",
    "Raise orders, process invoices and record income on the school's finance system",
    "Keep the single central record up to date for new staff, volunteers and contractors",
    "Oversee the records for administering medicines and the first aid log",
    "Book contractor visits, keep the lettings diary and log premises repairs",
    "Open and lock the school site and set and unset the intruder alarm",
    "Carry out weekly fire alarm tests and keep the fire log book up to date",
    "Check the building and grounds daily and make minor repairs or report them to the business manager",
    "Prepare the annual budget with the headteacher and monitor spending against it each month",
    "Manage contracts for catering, cleaning and grounds maintenance and monitor their quality",
    "Lead on health and safety across the school, including termly site inspections",
    "Manage the recruitment administration for support staff, including references and pre-employment checks",
    "Work with families to identify their needs and put in place a plan of early help",
    "Run parenting groups and coffee mornings that help parents support their children's learning",
    "Signpost families to local services for housing, benefits, health and debt advice",
    "Make home visits with a colleague where this is needed to support a pupil's attendance",
    "Support the delivery of the curriculum in line with the school's planning and assessment policies",
    "Use ICT, including tablets and interactive whiteboards, to support pupils' learning",
    "Help to plan and run after-school clubs, trips and school events",
    "Take part in performance management and agree targets for your own professional development",
    "Follow school policies on safeguarding, health and safety, data protection and equal opportunities",
    "Keep information about pupils and families confidential, sharing it only with staff who need to know",
    "Work as a supportive member of the staff team and uphold the school's values",
    "Support pupils with English as an additional language to take a full part in lessons",
    "Help pupils to manage their feelings and to resolve disagreements with others",
    "Run social skills and emotional literacy groups agreed with the SENCO",
    "Prepare and adapt learning materials for pupils with visual, hearing or physical needs",
    "Support pupils who use alternative communication, including signing and symbols",
    "Contribute to the planning of lessons and suggest ways to meet the needs of individual pupils",
    "Monitor pupils' progress against their targets and report it to the class teacher",
    "Help to administer and invigilate internal tests and assessments",
    "Supervise the work of volunteers and students on placement",
    "Lead small-group sessions on study skills, revision and organisation",
    "Greet visitors, check their identification and issue visitor badges",
    "Answer telephone and email enquiries from parents and the public promptly and courteously",
    "Prepare letters, newsletters and reports to a high standard using the school's templates",
    "Organise the school's clubs and trips payments and reconcile them each month",
    "Monitor the condition of the building and plan routine maintenance during the school holidays",
]

DUTY_TAILS = [
    "", "", "", "",
    ", in line with school policy",
    ", under the direction of the class teacher",
    ", so that every pupil can make progress",
    ", as directed by the headteacher",
    ", keeping the senior leadership team informed",
    ", using the systems agreed by the school",
    ", to the timescales agreed with your line manager",
    ", working closely with colleagues across the school",
    ", making sure records are accurate and kept securely",
    ", and evaluate how well this is working",
    ", including in the early years and key stage 1",
    ", at key stages 2, 3 and 4 as required",
]

GENERAL_DUTIES = [
    "Carry out other reasonable duties, appropriate to the grade, as directed by the headteacher",
    "Take responsibility for your own health and safety and that of others affected by your work",
    "Attend and take part in training and meetings as required",
    "Comply with the school's code of conduct and the data protection policy",
    "Support the school's commitment to equality, diversity and inclusion in all your work",
    "Be aware of and follow the school's procedures for reporting concerns about pupils",
]

CRITERIA = {
    "Qualifications": [
        "GCSE grade 4 (C) or above in English and maths, or equivalent",
        "NVQ Level 2 for Teaching Assistants or an equivalent qualification",
        "Level 3 qualification in supporting teaching and learning",
        "Paediatric first aid certificate",
        "Training in phonics or early reading",
        "A degree or equivalent professional qualification",
        "First Aid at Work certificate, or willingness to obtain one",
        "Level 3 qualification in business administration, or equivalent experience",
        "Relevant safeguarding training within the last two years",
        "A recognised bookkeeping or finance qualification",
        "Higher Level Teaching Assistant status",
        "Team Teach or other positive handling training",
        "A recognised qualification in counselling, youth work or social care",
        "IOSH Managing Safely or a similar health and safety qualification",
        "A qualification in mentoring or coaching",
    ],
    "Experience": [
        "Experience of working with children of the relevant age, paid or voluntary",
        "Experience of helping children who find learning difficult",
        "Experience of running small-group interventions",
        "Experience of working in a school setting",
        "At least two years' office administration experience in a busy setting",
        "Experience of supervising or leading a small team",
        "Experience of using a school management information system",
        "Experience of working with families facing difficulties",
        "Experience of working with pupils with special educational needs and disabilities",
        "Experience of managing a budget and financial procedures",
        "Experience of running examinations or other large-scale assessments",
        "Experience of working with outside agencies, such as social care or health services",
        "Experience of carrying out risk assessments",
        "Experience of planning and leading activities for groups of young people",
    ],
    "Knowledge and understanding": [
        "Understanding of how to keep children safe and what to do if you are worried about a child",
        "Knowledge of the SEND Code of Practice",
        "Some knowledge of ways to support pupils with autism or speech and language needs",
        "Understanding of the national curriculum and how children learn",
        "Knowledge of data protection law and how it applies in schools",
        "Understanding of the factors that affect children's attendance and behaviour",
        "Knowledge of school finance procedures and of the schools financial value standard",
        "Understanding of health and safety law as it applies to a school site",
        "Knowledge of the local services available to families",
        "Understanding of restorative approaches to behaviour",
        "Knowledge of the awarding bodies' regulations for the conduct of examinations",
    ],
    "Skills and abilities": [
        "Good literacy and numeracy skills",
        "Confident with ICT, including spreadsheets, email and databases",
        "Able to follow instructions and work well as part of a team",
        "Excellent organisational skills and the ability to meet deadlines",
        "Clear, polite communication in person, on the phone and in writing",
        "Ability to build positive relationships with pupils, parents and colleagues",
        "Ability to manage pupils' behaviour calmly and consistently",
        "Ability to prioritise your own workload and work on your own initiative",
        "Ability to write clear, concise reports and records",
        "Ability to use a management information system to produce reports",
        "Ability to work accurately with attention to detail",
        "Ability to deal tactfully with difficult or sensitive situations",
        "Ability to lead and motivate a team",
    ],
    "Personal qualities": [
        "Warm, patient and caring approach to children",
        "Reliable, with good attendance and timekeeping",
        "Understands the importance of confidentiality",
        "Willing to help with after-school clubs and events",
        "Calm and tactful when under pressure",
        "Commitment to safeguarding and promoting the welfare of children",
        "Flexible and willing to help colleagues at busy times",
        "Commitment to equal opportunities and to the inclusion of every pupil",
        "Willingness to undertake further training and development",
        "A sense of humour and the ability to stay positive",
        "Resilient, adaptable and open to new ideas",
        "High personal standards and a professional manner",
    ],
    "Special requirements": [
        "Suitable to work with children, subject to an enhanced DBS check",
        "Willing to work occasional evenings for parents' meetings and events",
        "A full driving licence and access to a car for work",
        "Able to carry out the physical tasks of the role, including lifting and moving equipment",
        "Willing to be trained in the administration of medicines",
        "Able to respond to call-outs outside school hours as a keyholder",
    ],
}
CRITERIA_TAILS = {cat: [""] for cat in CRITERIA}
CRITERIA_TAILS["Qualifications"] += ["", " or a willingness to work towards it", ", or equivalent experience"]
CRITERIA_TAILS["Experience"] += ["", " gained in the last five years", " in an educational setting"]
CRITERIA_TAILS["Knowledge and understanding"] += ["", " in an educational setting"]
ASSESSED = ["A", "A, I", "A, I, R", "I", "I, R", "A, C", "A, I, T", "I, T", "R"]

ABOUT = [
    "{school} is a happy, inclusive school at the heart of the {place} community, where every child is known, "
    "valued and supported to achieve their best.",
    "We are proud of our broad and balanced curriculum, which gives pupils rich experiences in the arts, sport "
    "and the outdoors as well as a secure grounding in reading, writing and mathematics.",
    "Our staff are a friendly, committed team who work closely together and share their expertise, and we "
    "invest in training and development for everyone who works here.",
    "The school was judged good in every area at its most recent inspection, and inspectors praised the care "
    "that staff show for pupils and their families.",
    "We have {pupils} pupils on roll, including a resourced provision for pupils with speech, language and "
    "communication needs, and a thriving nursery.",
    "Pupils tell us that they feel safe and happy at school, and parents value the open, approachable way in "
    "which staff work with them.",
    "We are part of {trust}, a family of schools that work together to improve outcomes for children across "
    "the region and to share resources, training and expertise.",
    "The successful candidate will join a supportive team and will be offered a thorough induction, a "
    "mentor and regular opportunities for professional development.",
    "Our site has recently been extended with new classrooms, a library and a sensory room, and we are "
    "developing our outdoor learning area with the help of parents and local businesses.",
    "Staff benefit from the local government pension scheme, an employee assistance programme, free "
    "parking and discounts at local gyms and shops.",
    "Visits to the school are warmly encouraged; please contact the school office to arrange a convenient "
    "time to look around and meet the team.",
    "We welcome applications from people of every background and are happy to discuss flexible working "
    "and any adjustments you may need during the recruitment process.",
]


@dataclass(slots=True)
class Section:
    heading: str
    style: str  # "bullet", "number" or "letter"
    duties: list[str]


@dataclass(slots=True)
class PsRow:
    category: str
    essential: list[str]
    desirable: list[str]
    assessed: str


@dataclass(slots=True)
class Pack:
    slug: str
    seed: int
    school: str
    place: str
    title: str
    details: list[tuple[str, str]]
    about: list[str]
    purpose: list[str]
    sections: list[Section]
    ps_rows: list[PsRow]
    with_assessed: bool
    ps_on_new_page: bool
    closing: list[str] = field(default_factory=list)

    @property
    def duties(self) -> list[str]:
        return [d for s in self.sections for d in s.duties]

    @property
    def criteria(self) -> list[tuple[str, str]]:
        return ([(c, "essential") for r in self.ps_rows for c in r.essential]
                + [(c, "desirable") for r in self.ps_rows for c in r.desirable])

    def truth(self) -> dict:
        return {"slug": self.slug, "title": self.title, "organisation": self.school, "duties": self.duties,
                "criteria": [{"text": t, "level": lv} for t, lv in self.criteria]}


def _salary(rng: random.Random, low: int, high: int) -> str:
    text = f"£{low:,} – £{high:,}"
    if rng.random() < 0.5:
        return text + " per annum"
    return text + " FTE, pro rata for term time"


def make_pack(seed: int, index: int, *, items: tuple[int, int] = (40, 80), about: tuple[int, int] = (0, 40),
              prefix: str = "pack") -> Pack:
    """Pack number ``index`` of the corpus seeded ``seed``: ``items`` bounds duties + criteria,
    ``about`` the paragraphs of prose about the school (which set the length in pages)."""
    rng = random.Random(seed * 1_000_003 + index)
    place = rng.choice(PLACES)
    school = f"{place} {rng.choice(SCHOOL_KINDS)}"
    trust = rng.choice(TRUSTS)
    title, grade, (low, high), hours, reports_to = rng.choice(POSTS)
    details = [("Job title", title), ("School", school), ("Grade", grade), ("Salary", _salary(rng, low, high)),
               ("Hours", hours), ("Responsible to", reports_to),
               ("Location", f"{school}, {rng.choice(STREETS)}, {place}"),
               ("Closing date", f"{rng.choice(['Monday', 'Wednesday', 'Friday'])} {rng.randint(1, 28)} "
                                f"{rng.choice(['March', 'April', 'May', 'June'])} 2025 at 12 noon")]
    if rng.random() < 0.3:
        details.insert(5, ("Contract", rng.choice(["Permanent", "Fixed term for one year", "Permanent, part time"])))

    n_items = rng.randint(*items)
    n_criteria = max(6, round(n_items * rng.uniform(0.35, 0.45)))
    n_duties = max(8, n_items - n_criteria)

    # duties: distinct stem + tail pairs, in 3 to 6 sections, the last often "General duties"
    pairs = rng.sample([(s, t) for s in range(len(DUTY_STEMS)) for t in range(len(DUTY_TAILS))],
                       k=n_duties * 3)
    used_stems: set[int] = set()
    texts: list[str] = []
    for s, t in pairs:
        if s in used_stems and len(used_stems) < len(DUTY_STEMS):
            continue
        used_stems.add(s)
        texts.append(DUTY_STEMS[s] + DUTY_TAILS[t] + ".")
        if len(texts) == n_duties:
            break
    general = rng.random() < 0.6
    if general:
        k = min(rng.randint(3, 5), max(1, n_duties // 6))
        texts = texts[: n_duties - k] + [g + "." for g in rng.sample(GENERAL_DUTIES, k)]
    n_sections = rng.randint(3, 6)
    heads = rng.sample(SECTION_HEADINGS, n_sections)
    if general:
        heads[-1] = "General duties"
    cuts = sorted(rng.sample(range(1, len(texts) - 2), n_sections - 1)) if len(texts) > n_sections + 2 else []
    bounds = [0, *cuts, len(texts)]
    style = rng.choice(["bullet", "number", "letter", "mixed"])
    sections = []
    for i, h in enumerate(heads[: len(bounds) - 1]):
        st = rng.choice(["bullet", "number", "letter"]) if style == "mixed" else style
        sections.append(Section(h, st, texts[bounds[i]: bounds[i + 1]]))

    # criteria: per category, each split into essential and desirable
    cats = list(CRITERIA)
    rng.shuffle(cats)
    cats = sorted(cats[: rng.randint(4, 6)], key=list(CRITERIA).index)
    per = [n_criteria // len(cats) + (1 if i < n_criteria % len(cats) else 0) for i in range(len(cats))]
    rows = []
    for cat, n in zip(cats, per, strict=True):
        bank = CRITERIA[cat]
        picks = rng.sample(bank, min(n, len(bank)))
        chosen = []
        for p in picks:
            tail = rng.choice(CRITERIA_TAILS[cat]) if "equivalent" not in p else ""
            chosen.append(p + tail)
        n_ess = max(1, round(len(chosen) * rng.uniform(0.55, 0.75)))
        rows.append(PsRow(cat, chosen[:n_ess], chosen[n_ess:], rng.choice(ASSESSED)))

    n_about = rng.randint(*about)
    about_texts = [ABOUT[k % len(ABOUT)].format(school=school, place=place, trust=trust,
                                                   pupils=rng.randint(180, 1400))
                   for k in rng.sample(range(len(ABOUT) * 4), n_about)]
    purpose = [f"Working as part of the team at {school}, the {title.split(' (')[0]} will "
               + rng.choice(["help pupils to learn, feel safe and enjoy school",
                             "make sure the school runs smoothly, safely and efficiently",
                             "remove the barriers that stop pupils attending and learning",
                             "support pupils' learning, welfare and progress across the school"])
               + ", working closely with staff, families and other professionals."]
    if rng.random() < 0.5:
        purpose.append("The post holder will contribute to the school's aims and values and will be a positive "
                       "role model for pupils at all times.")
    closing = [f"{school} is committed to safeguarding and promoting the welfare of children and expects all "
               "staff and volunteers to share this commitment. The successful applicant will be required to "
               "complete an enhanced DBS check, including a check of the children's barred list.",
               "To apply, please complete the application form and return it to the school office by the "
               "closing date. CVs on their own are not accepted. Shortlisted candidates will be contacted "
               "within a week of the closing date."]
    slug = f"{prefix}-{index:04d}-{title.split(' (')[0].lower().replace(' ', '-')}"
    return Pack(slug=slug, seed=seed, school=school, place=place, title=title, details=details,
                about=about_texts, purpose=purpose, sections=sections, ps_rows=rows,
                with_assessed=rng.random() < 0.7, ps_on_new_page=rng.random() < 0.5, closing=closing)
