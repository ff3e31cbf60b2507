"""A worked example of the N-way `jobspec compare`: a trust of 20 schools and its teaching-assistant posts.

usage: python scripts/nway_example.py [OUT_DIR]
       writes OUT_DIR/specs/*.yaml (default: a temporary folder) and the N-way report of them as
       docs/compare-trust-teaching-assistants.html (and .md)

The posts are written here, deterministically, from a bank of duties and person-specification
criteria worded two to four ways each (jobspec's own wording, no corpus text): every school
takes most of the trust's usual teaching-assistant duties in one of their wordings, some of the
optional ones, and a few of its own (forest school, a breakfast club, a hearing-impairment
base, ...); one school's post is a near-copy of another's, and one folder holds an office post
that is not a teaching-assistant post at all.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

# (probability a school's post has it, wordings)
DUTIES = [
    (0.95, ["Support pupils' learning in class under the direction of the class teacher.",
            "Work under the direction of the teacher to support children's learning in lessons.",
            "Help pupils to learn in the classroom, following the teacher's plans."]),
    (0.9, ["Work with individual pupils and small groups on reading, phonics and number.",
           "Deliver reading, phonics and maths activities to small groups and individual children.",
           "Support small groups and individuals with early reading, phonics and number work."]),
    (0.85, ["Deliver intervention programmes planned by the teacher or SENCO and record progress.",
            "Run catch-up interventions set by the class teacher and keep records of pupils' progress.",
            "Carry out targeted interventions and record how each pupil gets on."]),
    (0.9, ["Support pupils with special educational needs and disabilities, including those with EHCPs.",
           "Help children with SEND, including pupils with an EHCP, to take part fully in lessons.",
           "Work with pupils with special educational needs to meet the targets in their support plans."]),
    (0.95, ["Follow the school's safeguarding and child protection policy and report any concern to the DSL.",
            "Report any safeguarding concern straight away to the Designated Safeguarding Lead.",
            "Be aware of child protection procedures and pass on any concern about a child to the DSL at once."]),
    (0.85, ["Promote good behaviour in line with the school's behaviour policy.",
            "Encourage positive behaviour and apply the behaviour policy fairly and consistently.",
            "Help to manage pupils' behaviour using the school's agreed strategies."]),
    (0.8, ["Supervise pupils at break and lunchtime and on educational visits.",
           "Supervise children during playtimes, lunchtimes and school trips.",
           "Help to supervise pupils on the playground and on out-of-school visits."]),
    (0.8, ["Prepare and tidy classroom resources and displays.",
           "Get resources ready for lessons, put them away afterwards and help with displays.",
           "Prepare learning materials and keep the classroom organised."]),
    (0.75, ["Give feedback to the teacher on pupils' progress and wellbeing.",
            "Tell the class teacher how pupils have responded and what progress they have made.",
            "Report back to teachers on the learning and wellbeing of the pupils you support."]),
    (0.7, ["Give first aid and look after pupils who are unwell or hurt.",
           "Administer first aid and care for sick or injured children.",
           "Deal with minor injuries and give first aid in line with school procedures."]),
    (0.6, ["Help pupils with personal care and toileting where needed, respecting their dignity.",
           "Support children with intimate and personal care with sensitivity and respect."]),
    (0.7, ["Maintain confidentiality about pupils, families and the school.",
           "Keep information about pupils and their families confidential.",
           "Respect confidentiality and follow data protection rules."]),
    (0.7, ["Take part in training, performance management and professional development.",
           "Attend training and take part in appraisal and your own development.",
           "Undertake relevant training and CPD as required."]),
    (0.6, ["Attend staff meetings and work as part of the wider school team.",
           "Work as a member of the team and attend meetings as required."]),
    (0.95, ["Carry out other reasonable duties as directed by the headteacher.",
            "Undertake any other duties appropriate to the grade, as reasonably requested by the headteacher.",
            "Any other duties commensurate with the grade of the post."]),
    (0.45, ["Use ICT, including interactive whiteboards and tablets, to support learning.",
            "Support pupils to use computers and tablets in lessons."]),
    (0.4, ["Cover a class for short periods under the supervision of a teacher.",
           "Supervise a class for short periods when the teacher is absent."]),
    (0.35, ["Support pupils who speak English as an additional language.",
            "Help children with EAL to access the curriculum."]),
    (0.35, ["Build good relationships with parents and carers and share information appropriately.",
            "Work in partnership with parents and carers to support their children."]),
]
OWN_DUTIES = ["Lead forest school sessions in the school grounds.", "Run the breakfast club before school.",
              "Support pupils in the hearing-impairment resource base, using British Sign Language.",
              "Drive the school minibus to swimming lessons and fixtures.",
              "Organise the school's gardening club and allotment.", "Run the nurture room at lunchtimes.",
              "Support the school's Makaton signing across the Early Years.",
              "Coordinate the reading volunteers and train new helpers.", "Manage the school library and its loans."]
CRITERIA = [
    (0.95, ["GCSE grade 4 (C) or above in English and maths, or equivalent",
            "Good standard of literacy and numeracy (GCSE grade C/4 or equivalent)"]),
    (0.7, ["NVQ Level 2 for teaching assistants or equivalent qualification",
           "Level 2 qualification in supporting teaching and learning"]),
    (0.8, ["Experience of working with children in a school setting",
           "Experience of working with primary-age children",
           "Recent experience of supporting children's learning"]),
    (0.6, ["Experience of supporting pupils with SEND",
           "Experience of working with children with special educational needs"]),
    (0.75, ["Knowledge of how to keep children safe and what to do about a concern",
            "Understanding of safeguarding and child protection"]),
    (0.7, ["Good communication skills with children and adults",
           "Able to communicate well with pupils, parents and colleagues"]),
    (0.8, ["Ability to work as part of a team", "A good team player", "Able to work well with colleagues"]),
    (0.6, ["Confident user of ICT", "Good ICT skills", "Able to use computers and tablets confidently"]),
    (0.5, ["Paediatric first aid certificate", "First aid qualification or willingness to train"]),
    (0.6, ["Ability to manage own workload and stay organised", "Good organisational skills"]),
    (0.5, ["Knowledge of phonics and early reading", "Understanding of phonics teaching"]),
    (0.7, ["Commitment to safeguarding and promoting the welfare of children",
           "Committed to keeping children safe and promoting their welfare"]),
]
OFFICE_DUTIES = ["Manage the school office and its staff.", "Keep the school information system (SIMS) up to date.",
                 "Process invoices and orders in the finance system.", "Answer the telephone and greet visitors.",
                 "Organise admissions and keep pupil records.", "Prepare letters and newsletters to parents.",
                 "Maintain the single central record of staff checks.",
                 "Carry out other reasonable duties as directed by the headteacher."]
OFFICE_CRITERIA = ["Experience of working in a busy office", "Advanced word-processing and spreadsheet skills",
                   "Experience of school finance systems", "Ability to work as part of a team"]
SCHOOLS = ["Oakfield", "Riverside", "Hillside", "Larchwood", "Meadowbank", "St Anne's", "Brookfield", "Ashgrove",
           "Kingsmead", "Fernhill", "Northgate", "Willowbrook", "Castle Hill", "Elmhurst", "Parkside", "Holmewood",
           "Beechcroft", "Linden", "Thornbury", "Westfield"]


def make_trust(n_schools: int = 20, seed: int = 3):
    """The trust's posts as specs: teaching assistants, one near-copy, one office post."""
    from jobspec.spec.model import Criterion, Duty, Hours, Post, Salary, Source, Spec

    rng = random.Random(seed)
    specs = []
    own = list(OWN_DUTIES)
    rng.shuffle(own)
    for k, school in enumerate(SCHOOLS[:n_schools]):
        name = f"{school} Primary School"
        slug = school.lower().replace(" ", "-").replace("'", "")
        # grade, pay and hours from the school's place in the list (not from rng: the posts' items stay as they were)
        band = (("Grade 3", 22366, 22737), ("Grade 4", 22737, 23500), ("Grade 5", 23500, 24294))[k % 3]
        grade = band[0]
        pay = Salary(text=f"£{band[1]:,} - £{band[2]:,} FTE, pro rata", min=band[1], max=band[2], currency="GBP",
                     period="year", basis="fte", pro_rata=True)
        week = (32.5, 30, 27.5, 35)[k % 4]
        hours = Hours(text=f"{week:g} hours a week, term time only", per_week=week, term_time_only=True)
        if k == n_schools - 1:  # the office post that strayed into the folder
            duties = list(OFFICE_DUTIES)
            crits = [(c, "essential") for c in OFFICE_CRITERIA]
            title = "School Office Manager"
            grade = "Grade 6"
            pay = Salary(text="£25,979 - £27,344", min=25979, max=27344, currency="GBP", period="year", basis="fte")
            hours = Hours(text="37 hours a week, all year", per_week=37, term_time_only=False)
        elif k == 6 and specs:  # a near-copy of the fourth school's pack
            src = specs[3][1]
            duties = [d.text for d in src.duties][:-1]
            crits = [(c.text, c.level) for c in src.criteria]
            title = src.post.title
        else:
            duties = [rng.choice(words) for p, words in DUTIES if rng.random() < p]
            rng.shuffle(duties)
            if k % 3 == 0 and own:
                duties.append(own.pop())
            crits = [(rng.choice(words), "essential" if rng.random() < 0.75 else "desirable")
                     for p, words in CRITERIA if rng.random() < p]
            title = rng.choice(["Teaching Assistant", "Teaching Assistant (Level 2)", "Learning Support Assistant",
                                "Classroom Teaching Assistant"])
        spec = Spec(source=Source(path=f"{slug}-ta.docx", format="docx", sha256="0" * 64),
                    post=Post(title=title, organisation=name, grade=grade, salary=pay, hours=hours))
        spec.duties = [Duty(id=f"D{i:03d}", text=t, section="Main duties", at=f"para {i + 8}")
                       for i, t in enumerate(duties, 1)]
        spec.criteria = [Criterion(id=f"C{i:03d}", text=t, level=lv, category="other", at=f"table 1 row {i + 1}")
                         for i, (t, lv) in enumerate(crits, 1)]
        specs.append((f"{slug}-ta.yaml", spec))
    return specs


def write_specs(folder: Path, n_schools: int = 20) -> list[Path]:
    from jobspec.spec.yamlio import spec_to_yaml

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, spec in make_trust(n_schools):
        p = folder / name
        p.write_text(spec_to_yaml(spec.to_dict(), "0.1.0"), encoding="utf-8")
        out.append(p)
    return out


def main(argv: list[str]) -> int:
    from jobspec.comparison.nway.many import compare_many
    from jobspec.comparison.render import render_text

    base = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="jobspec-trust-"))
    files = write_specs(base / "specs")
    res = compare_many(files, paths=[f"specs/{f.name}" for f in files])
    docs = ROOT / "docs"
    (docs / "compare-trust-teaching-assistants.html").write_text(render_text(res, "html"), encoding="utf-8")
    (docs / "compare-trust-teaching-assistants.md").write_text(render_text(res, "markdown"), encoding="utf-8")
    print(f"specs in {base / 'specs'}; wrote docs/compare-trust-teaching-assistants.html and .md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
