"""Time the N-way `jobspec compare` on synthetic posts: wall time, CPU time and peak memory.

usage: python scripts/bench_nway.py [N ...] [--jobs J] [--render]
       (default: 200 and 1000 posts, J = 2; each size runs in a fresh process so that its peak
       memory is its own)

The posts are generated here, from the concept vocabulary's terms and filler words (no corpus
text), as a trust would have them: families of posts (teaching assistants, office staff,
mentors, ...) sharing a few trust-wide duties, each post taking a random part of its family's
duties and criteria in its own wording (other verbs, other terms of the same concept, other
qualifiers, clauses added or left out), a few near-copies of another post and a few posts unlike
any other.

``run(n_posts, jobs)`` is the entry point for other tools (``make bench``); it returns a dict of
figures. Its ``peak_rss_mb`` is the peak of the calling process so far (and ``children_peak_rss_mb``
of its worker processes): call it in a fresh process for a clean figure, as ``main`` does.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

FAMILIES = ("teaching assistant", "office", "learning mentor", "site", "pastoral", "SEND support", "cover supervisor",
            "librarian")
DUTY_VERBS = [["Support", "Help", "Assist with"], ["Plan and deliver", "Prepare and run", "Organise"],
              ["Monitor", "Keep track of", "Check"], ["Promote", "Encourage", "Champion"],
              ["Take responsibility for", "Be responsible for", "Oversee"], ["Contribute to", "Take part in", "Share in"],
              ["Keep records of", "Record", "Maintain accurate records of"], ["Liaise with parents about",
              "Keep parents informed about", "Communicate with families about"], ["Lead", "Coordinate", "Manage"],
              ["Implement", "Follow", "Apply"]]
CONTEXTS = ["for individual pupils and small groups", "across the whole school", "in line with school policy",
            "under the direction of the class teacher", "at break and lunch times", "in the classroom and around school",
            "as agreed with the line manager", "to a high standard", "for pupils with additional needs",
            "working closely with colleagues", "during lessons and interventions", "in the early years and key stage 1"]
FILLERS = ["as required", "where appropriate", "as directed", "at all times", "when needed", "in a timely way", ""]
CRIT_FORMS = [["Experience of {t}", "Previous experience of {t}", "Proven experience in {t}"],
              ["Knowledge of {t}", "Good understanding of {t}", "Awareness of {t}"],
              ["Ability to {v} {t}", "Able to {v} {t}", "Skills to {v} {t}"],
              ["Training in {t}", "Qualification in {t}", "Certificate in {t}"],
              ["Commitment to {t}", "Enthusiasm for {t}", "A positive attitude to {t}"]]
CRIT_VERBS = ["support", "manage", "deliver", "promote", "organise", "record"]
SHARED_DUTIES = ["Carry out other reasonable duties as directed by the headteacher",
                 "Follow the school's safeguarding and child protection procedures and report any concern to the DSL",
                 "Take part in training, appraisal and professional development",
                 "Maintain confidentiality and follow data protection rules",
                 "Follow health and safety procedures and report hazards"]
SHARED_CRITERIA = ["Commitment to safeguarding and promoting the welfare of children",
                   "GCSE grade 4 or above in English and maths, or equivalent",
                   "Ability to work as part of a team", "Good organisational skills and the ability to manage own workload"]


def _terms() -> list[list[str]]:
    from jobspec.concepts.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    out = []
    for c in vocab.concepts.values():
        terms = [t for t in c.terms if "*" not in t and len(t) > 3]
        if terms:
            out.append(terms)
    return out


class _Trust:
    """The trust's idea of each family's duties and criteria: (verb group, concept, context) triples."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.terms = _terms()
        self.duties = {f: [self._duty_idea() for _ in range(45)] for f in FAMILIES}
        self.criteria = {f: [self._crit_idea() for _ in range(28)] for f in FAMILIES}

    def _duty_idea(self):
        r = self.rng
        return (r.randrange(len(DUTY_VERBS)), r.randrange(len(self.terms)), r.randrange(len(self.terms)),
                r.randrange(len(CONTEXTS)))

    def _crit_idea(self):
        r = self.rng
        return r.randrange(len(CRIT_FORMS)), r.randrange(len(self.terms)), r.randrange(len(CRIT_VERBS))

    def duty_text(self, idea) -> str:
        r = self.rng
        verb, c1, c2, ctx = idea
        t1 = r.choice(self.terms[c1])
        text = f"{r.choice(DUTY_VERBS[verb])} {t1}"
        if r.random() < 0.6:
            text += f" and {r.choice(self.terms[c2])}"
        if r.random() < 0.8:
            text += f" {CONTEXTS[ctx] if r.random() < 0.8 else r.choice(CONTEXTS)}"
        filler = r.choice(FILLERS)
        return (text + (f", {filler}" if filler else "")).strip() + "."

    def crit_text(self, idea) -> str:
        r = self.rng
        form, c, v = idea
        return r.choice(CRIT_FORMS[form]).format(t=r.choice(self.terms[c]), v=CRIT_VERBS[v])


def make_posts(n_posts: int, seed: int = 7):
    """``n_posts`` synthetic specs (deterministic for a seed)."""
    from jobspec.spec.model import Criterion, Duty, Post, Source, Spec

    rng = random.Random(seed)
    trust = _Trust(rng)
    specs: list[Spec] = []
    for k in range(n_posts):
        fam = rng.choice(FAMILIES)
        school = f"School {k + 1:04d}"
        spec = Spec(source=Source(path=f"synthetic/post-{k + 1:04d}.docx", format="docx", sha256="0" * 64),
                    post=Post(title=fam.capitalize(), organisation=school))
        roll = rng.random()
        if specs and roll < 0.04:  # a near-copy of an earlier post
            src = rng.choice(specs)
            duties = [d.text if rng.random() < 0.85 else d.text.replace("pupils", "children") for d in src.duties]
            crits = [(c.text, c.level) for c in src.criteria]
        elif roll < 0.06:  # unlike any other post: ideas of its own
            duties = [trust.duty_text(trust._duty_idea()) for _ in range(rng.randint(12, 30))]
            crits = [(trust.crit_text(trust._crit_idea()), "essential") for _ in range(rng.randint(8, 16))]
        else:
            duties = [d for d in SHARED_DUTIES if rng.random() < 0.85]
            duties += [trust.duty_text(i) for i in trust.duties[fam] if rng.random() < 0.45]
            crits = [(c, "essential") for c in SHARED_CRITERIA if rng.random() < 0.8]
            crits += [(trust.crit_text(i), "essential" if rng.random() < 0.6 else "desirable")
                      for i in trust.criteria[fam] if rng.random() < 0.45]
            rng.shuffle(duties)
        spec.duties = [Duty(id=f"D{i:03d}", text=t, section="Main duties") for i, t in enumerate(duties, 1)]
        spec.criteria = [Criterion(id=f"C{i:03d}", text=t, level=lv) for i, (t, lv) in enumerate(crits, 1)]
        specs.append(spec)
    return specs


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # kilobytes on Linux


def run(n_posts: int, jobs: int = 2, *, render: bool = False) -> dict:
    """Generate ``n_posts`` posts and time one N-way comparison of them (``jobs`` processes)."""
    from jobspec.comparison.nway.many import compare_many

    specs = make_posts(n_posts)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    t, c = time.perf_counter(), time.process_time()
    res = compare_many(specs, jobs=jobs)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_workers = (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)
    out = {
        "posts": n_posts, "jobs": jobs,
        "duties": sum(len(s.duties) for s in specs), "criteria": sum(len(s.criteria) for s in specs),
        "wall_s": round(wall, 2), "cpu_s_main_process": round(cpu, 2), "cpu_s_workers": round(cpu_workers, 2),
        "cpu_s_total": round(cpu + cpu_workers, 2),
        "stages_s": {k: round(v, 2) for k, v in res.timings.items()},
        "core_duties": len(res.duties.core), "core_criteria": len(res.criteria.core),
        "near_duplicates": len(res.near_duplicates), "outliers": len(res.outliers),
        "item_pairs": res.duties.stats["item_pairs"] + res.criteria.stats["item_pairs"],
        "string_compared": res.duties.stats["string_compared"] + res.criteria.stats["string_compared"],
    }
    if render:
        from jobspec.comparison.render import render_bytes

        for fmt in ("json", "html", "xlsx"):
            t = time.perf_counter()
            data = render_bytes(res, fmt)
            out[f"render_{fmt}_s"] = round(time.perf_counter() - t, 2)
            out[f"render_{fmt}_mb"] = round(len(data) / 1e6, 1)
    out["peak_rss_mb"] = round(_rss_mb(resource.RUSAGE_SELF), 1)
    out["children_peak_rss_mb"] = round(_rss_mb(resource.RUSAGE_CHILDREN), 1)
    return out


def main(argv: list[str]) -> int:
    args = list(argv[1:])
    jobs = 2
    render = "--render" in args
    if render:
        args.remove("--render")
    if "--jobs" in args:
        k = args.index("--jobs")
        jobs = int(args[k + 1])
        del args[k:k + 2]
    if args and args[0] == "--one":
        print(json.dumps(run(int(args[1]), jobs, render=render)))
        return 0
    sizes = [int(a) for a in args] or [200, 1000]
    for n in sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--jobs", str(jobs)] + (["--render"] if render else [])
        res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        print(f"{n} posts ({res['duties']} duties, {res['criteria']} criteria), {jobs} jobs: "
              f"{res['wall_s']:.2f} s wall, {res['cpu_s_total']:.2f} s CPU, peak RSS {res['peak_rss_mb']:.0f} MB "
              f"(workers {res['children_peak_rss_mb']:.0f} MB each at most); stages {res['stages_s']}; "
              f"{res['string_compared']:,} of {res['item_pairs']:,} item pairs string-compared; "
              f"core {res['core_duties']} duties, {res['core_criteria']} criteria; "
              f"{res['near_duplicates']} near-duplicate pairs, {res['outliers']} outliers"
              + (f"; JSON {res['render_json_s']} s, {res['render_json_mb']} MB; HTML {res['render_html_s']} s, "
                 f"{res['render_html_mb']} MB; xlsx {res['render_xlsx_s']} s, {res['render_xlsx_mb']} MB"
                 if render else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
