"""Wording pools: fictional schools, posts, duties, criteria, labels and prose, written for the zoo.

Everything here is invented for this project. Items in one pool are worded apart from each other
(no two read alike), so the gold can be aligned one-to-one by fuzzy text match.
"""

from __future__ import annotations

from dataclasses import dataclass

# ------------------------------------------------------------------------------------------------
# Schools and people

PLACES = [
    "Wrenfield", "Copperbeck", "Stonemoor", "Ferncastle", "Brackenridge", "Millthorpe", "Saltmarsh",
    "Holloway Green", "Kestrel Park", "Thistledown", "Amberley Fields", "Rookwood", "Heatherside",
    "Quarry Bank", "Willowmere", "Fennwick", "Gorsefield", "Badger Hill", "Marshbrook", "Yewbank",
    "Tealby Moor", "Cranmere", "Sandpiper Way", "Harrowdene", "Lowther Bridge", "Pipers Vale",
]
SCHOOL_KINDS = [
    "Primary School", "Infant School", "Junior School", "Primary Academy", "C of E Primary School",
    "Catholic Primary School", "Community Primary School", "Nursery School", "High School", "Academy",
    "Special School", "Church of England Junior School",
]
STREETS = ["Tanners Lane", "Chapel Road", "Sycamore Drive", "Old Forge Way", "Beacon Road", "Priory Walk",
           "Cressing Road", "Hawthorn Avenue", "Kiln Lane", "St Mark's Close"]
HEADS = ["Mrs Helen Ashdown", "Mr Daniel Okafor", "Ms Priya Natarajan", "Mr Tom Belling", "Mrs Ruth Caldecott",
         "Dr Sian Pryce", "Mr Aled Morgan", "Mrs Joanne Whitlow", "Miss Grace Adebayo", "Mr Stefan Novak"]
COUNCILS = ["Westmarch County Council", "Borough of Kellingford", "Northvale Council", "Eastwold County Council"]


# ------------------------------------------------------------------------------------------------
# Duty sections: heading wordings, "… by" wordings, and the duties (one sentence each)

SECTION_HEADINGS = {
    "pupils": ["Support for pupils", "Supporting pupils", "Working with pupils", "Pupil support"],
    "teacher": ["Support for the teacher", "Supporting the teacher", "Working with teachers"],
    "curriculum": ["Support for the curriculum", "Supporting the curriculum", "Curriculum support"],
    "school": ["Support for the school", "Supporting the school", "Whole-school responsibilities"],
    "teaching": ["Teaching and learning", "Planning and teaching", "Delivering learning"],
    "assessment": ["Assessment and progress", "Monitoring and assessment", "Tracking pupil progress"],
    "behaviour": ["Behaviour and relationships", "Promoting positive behaviour", "Behaviour"],
    "lunchtime": ["Lunchtime supervision", "Supervision of pupils", "The lunch hour"],
    "admin": ["Administration", "Administration and records", "Office administration"],
    "finance": ["Finance", "Financial administration", "Budgets and purchasing"],
    "office_lead": ["Leading the office team", "Line management", "Managing the office"],
    "premises": ["Premises", "Site and premises", "Buildings and grounds"],
    "security": ["Security", "Site security", "Keeping the site secure"],
    "health_safety": ["Health and safety", "Health, safety and wellbeing", "Health and safety responsibilities"],
    "safeguarding": ["Safeguarding", "Safeguarding and welfare", "Child protection and welfare"],
    "sen": ["Special educational needs", "SEND provision", "Inclusion"],
    "leadership": ["Leadership and management", "Strategic leadership", "Leading others"],
    "cover": ["Supervising cover lessons", "Cover supervision", "Covering classes"],
    "mentoring": ["Mentoring pupils", "One-to-one mentoring", "Mentoring and guidance"],
    "families": ["Working with families", "Parents and carers", "Family liaison"],
    "early_years": ["Early years practice", "Care and learning in the setting", "The learning environment"],
    "cpd": ["Professional development", "Training and development", "Continuing professional development"],
    "general": ["General duties", "Other duties", "Other responsibilities"],
}

# sentence-like sub-headings for the four classic support-staff sections
BY_HEADINGS = {
    "pupils": ["Supporting pupils by", "Support for pupils by", "Support pupils by"],
    "teacher": ["Support the teacher by", "Supporting the teacher by", "Support for the teacher by"],
    "curriculum": ["Support the curriculum by", "Supporting the curriculum by"],
    "school": ["Support the school by", "Supporting the school by", "Contribute to the school by"],
}

# gerund forms follow a "… by" sub-heading
BY_DUTIES = {
    "pupils": [
        "helping pupils settle quickly at the start of each session and get ready to learn",
        "working with small groups on phonics, spelling and times tables practice",
        "encouraging pupils to try tasks on their own before asking an adult for help",
        "using the agreed visual timetables and prompts with pupils who need them",
        "looking after pupils who are unwell or upset and letting the office know",
        "praising effort and good choices in line with the school's reward system",
        "supporting pupils with physical needs to move safely around the building",
        "reading aloud with pupils and talking with them about the books they choose",
    ],
    "teacher": [
        "preparing the classroom and resources before lessons as the teacher directs",
        "noting how pupils respond during group work and passing this on after the lesson",
        "marking simple pieces of work against the success criteria the teacher provides",
        "keeping reading records and intervention logs complete and up to date",
        "managing the behaviour of a group so that the teacher can focus on teaching",
        "putting up and refreshing displays of pupils' work",
        "photocopying, laminating and sorting materials for the week ahead",
    ],
    "curriculum": [
        "running short catch-up sessions in reading, writing or number from set plans",
        "using the class computers, tablets and interactive screen confidently with pupils",
        "preparing practical equipment for science, art and design lessons",
        "helping pupils to use dictionaries, number lines and other learning aids",
        "adapting worksheets into larger print or simpler language when asked",
        "supporting outdoor learning and physical education sessions",
    ],
    "school": [
        "following school policies on safeguarding, behaviour, health and safety and data protection",
        "reporting any worry about a child's welfare straight away to the safeguarding lead",
        "taking part in staff training, meetings and performance reviews",
        "helping on school trips, sports days, performances and other events",
        "keeping information about pupils and families confidential",
        "treating every pupil, parent and colleague with courtesy and respect",
        "covering break duties on the staff rota",
    ],
}

DUTIES = {
    "pupils": [
        "Work with individual pupils and small groups to practise reading, writing and number skills",
        "Help pupils to become independent learners who can organise their own equipment and work",
        "Support pupils with special educational needs to meet the targets in their support plans",
        "Build warm, professional relationships with pupils so that they feel safe and valued",
        "Look after pupils' personal care and medical needs with sensitivity and respect for their dignity",
        "Encourage pupils to include one another in play and group activities",
        "Help pupils who speak English as an additional language to join in fully with lessons",
        "Comfort pupils who are distressed and let the class teacher know what has happened",
    ],
    "teacher": [
        "Prepare the learning areas and resources needed for each lesson",
        "Record observations of pupils' learning and share them with the class teacher",
        "Give the teacher clear feedback on how each group managed the planned activity",
        "Keep intervention records, reading logs and assessment notes accurate and current",
        "Contribute ideas to the planning of lessons and themed weeks",
        "Mark routine work using the school's feedback policy",
        "Organise and maintain classroom displays that celebrate pupils' work",
    ],
    "curriculum": [
        "Deliver structured intervention programmes in literacy and numeracy to small groups",
        "Use technology in the classroom to support pupils' learning",
        "Prepare materials for practical lessons and help to put them away safely afterwards",
        "Adapt learning resources so that pupils with additional needs can take part",
        "Support the delivery of physical education, music and outdoor learning",
        "Help to run breakfast club, homework club or after-school activities when asked",
    ],
    "school": [
        "Attend staff meetings, briefings and training days as required",
        "Take part in the school's appraisal arrangements and agree targets with your line manager",
        "Accompany pupils on educational visits and off-site activities",
        "Help with school events such as concerts, open evenings and sports days",
        "Share ideas and good practice with colleagues across the school",
        "Keep all information about pupils and their families strictly confidential",
    ],
    "teaching": [
        "Plan and teach well-structured lessons that build on what pupils already know",
        "Set high expectations that inspire and challenge pupils of all abilities",
        "Adapt teaching so that pupils with special educational needs make good progress",
        "Manage the classroom so that it is a calm, purposeful place to learn",
        "Deploy support staff effectively and share plans with them in advance",
        "Set homework and other out-of-class activities that consolidate learning",
        "Teach phonics, reading and mathematics using the school's chosen schemes",
    ],
    "assessment": [
        "Assess pupils' attainment regularly and use the results to plan next steps",
        "Keep accurate records of progress on the school's tracking system",
        "Write clear, informative reports to parents each year",
        "Take part in moderation of pupils' work with colleagues and partner schools",
        "Identify pupils who are falling behind and arrange extra support quickly",
        "Use questioning and feedback in lessons to check what pupils have understood",
    ],
    "behaviour": [
        "Apply the behaviour policy fairly and consistently with every pupil",
        "Model the calm, respectful behaviour that the school expects of pupils",
        "Help pupils to resolve disagreements and repair friendships",
        "Record incidents of poor behaviour and bullying on the school's system",
        "Use praise and rewards to recognise pupils who make good choices",
        "Follow individual behaviour plans for pupils who need extra support",
    ],
    "lunchtime": [
        "Supervise pupils in the dining hall and help them to collect and finish their meals",
        "Encourage good table manners and sensible, healthy eating",
        "Supervise pupils in the playground and on the field during the lunch break",
        "Organise simple games and activities so that every child has something to do",
        "Make sure pupils wash their hands before eating",
        "Help younger pupils to cut up food, open packets and clear their trays",
        "Line pupils up at the end of the lunch hour and hand them over to class staff",
        "Check that play equipment is safe to use and put it away at the end of the break",
    ],
    "admin": [
        "Run the school office so that visitors, parents and staff receive a prompt and friendly service",
        "Maintain pupil and staff records on the management information system",
        "Handle admissions, transfers and leavers, including sending and requesting pupil files",
        "Prepare letters, newsletters and reports for the headteacher",
        "Manage the school diary and arrange meetings for the senior leadership team",
        "Keep the school website and parent communication app up to date",
        "Produce attendance reports and follow up unexplained absence with families",
        "Process requests under data protection law within the legal time limits",
    ],
    "finance": [
        "Raise purchase orders and check invoices before they are paid",
        "Reconcile the school's bank account and petty cash each month",
        "Collect and bank money for trips, clubs and lunches using the online payment system",
        "Help the headteacher to prepare and monitor the annual budget",
        "Keep records of income and spending ready for audit",
        "Obtain quotations for larger purchases in line with the school's financial procedures",
    ],
    "office_lead": [
        "Line manage the administrative staff, including their rotas, training and appraisal",
        "Plan the work of the office so that deadlines are met throughout the year",
        "Induct new office staff and volunteers in the school's procedures",
        "Review office systems regularly and suggest improvements to senior leaders",
        "Cover the work of colleagues during absence so that the office runs smoothly",
    ],
    "premises": [
        "Open and close the school buildings each day and for lettings and events",
        "Carry out routine repairs, decorating and maintenance around the site",
        "Check the grounds, play areas and boundaries daily and remove any hazards",
        "Arrange access for contractors and supervise their work on site",
        "Keep heating, lighting and water systems working and report faults promptly",
        "Move furniture and set up halls for assemblies, examinations and events",
        "Clear snow and grit paths in icy weather",
        "Manage the cleaning team and check that cleaning standards are kept high",
    ],
    "security": [
        "Set and unset the intruder alarm and respond to call-outs",
        "Keep keys and access fobs secure and maintain the key register",
        "Check that gates, doors and windows are locked at the end of each day",
        "Report any damage, trespass or vandalism to the headteacher and, where needed, the police",
        "Test the emergency lighting and fire alarm system weekly and log the results",
    ],
    "health_safety": [
        "Follow the school's health and safety policy and report hazards without delay",
        "Carry out risk assessments for activities you lead",
        "Give first aid where trained and record every treatment in the accident book",
        "Store cleaning materials and chemicals safely in line with COSHH guidance",
        "Take part in fire drills and know the evacuation routes for your area",
        "Use lifting and handling techniques that protect you and others from injury",
    ],
    "safeguarding": [
        "Be aware of the signs of abuse and neglect and act on any concern at once",
        "Report safeguarding worries to the Designated Safeguarding Lead using the school's system",
        "Complete annual safeguarding training and read the latest statutory guidance",
        "Promote online safety and challenge unsafe use of technology by pupils",
        "Keep accurate, dated notes of any disclosure a child makes to you",
    ],
    "sen": [
        "Coordinate provision for pupils with special educational needs across the school",
        "Keep the register of pupils with special educational needs accurate and current",
        "Lead annual reviews of education, health and care plans with families and professionals",
        "Advise teachers on strategies that help pupils with additional needs to learn",
        "Work with educational psychologists, speech therapists and other external agencies",
        "Apply for additional funding and statutory assessment where pupils need it",
        "Train teaching assistants to deliver targeted interventions well",
    ],
    "leadership": [
        "Contribute to the school development plan and lead agreed priorities",
        "Report to governors on the impact of provision in your area of responsibility",
        "Monitor the quality of support through visits to lessons and scrutiny of work",
        "Lead staff meetings and training sessions in your area of expertise",
        "Manage the budget for your area and make sure resources give good value",
    ],
    "cover": [
        "Supervise classes in the absence of the teacher, following the work that has been set",
        "Take the register at the start of each covered lesson",
        "Collect any work completed during the lesson and return it to the class teacher",
        "Deal with questions about the work set and keep pupils focused on their tasks",
        "Report any behaviour incidents that happen during a covered lesson",
        "Follow the seating plans and routines the class already uses",
    ],
    "mentoring": [
        "Meet identified pupils regularly to agree targets and review their progress",
        "Help pupils to manage anxiety, anger and other strong feelings",
        "Run small-group sessions on friendship, resilience and self-esteem",
        "Support pupils at key moments such as starting school or moving to secondary",
        "Keep careful records of each mentoring session and share them with the pastoral lead",
        "Help pupils to plan how to catch up on work they have missed",
    ],
    "families": [
        "Build trusting relationships with parents and carers, especially those who find school hard to approach",
        "Signpost families to local services for housing, debt, health and parenting support",
        "Run coffee mornings and workshops that help parents support learning at home",
        "Carry out home visits with a colleague when the school needs to reach a family",
        "Follow up poor attendance with families and agree plans to improve it",
    ],
    "early_years": [
        "Plan and lead play-based activities that follow the Early Years Foundation Stage",
        "Act as key person for a group of children and share their progress with families",
        "Observe children at play and record their learning in their learning journeys",
        "Keep the indoor and outdoor areas tidy, safe and inviting",
        "Help children with toileting, nappy changing and hand washing",
        "Support children's language development through songs, stories and conversation",
    ],
    "cpd": [
        "Keep your own knowledge and skills up to date through training and reading",
        "Take part in coaching and supervision with your line manager",
        "Reflect on your practice and act on feedback from colleagues",
        "Complete any mandatory training within the required timescales",
    ],
    "general": [
        "Carry out other reasonable duties that the headteacher may ask of you",
        "Follow all school policies, including those on equality and data protection",
        "Uphold the values and ethos of the school at all times",
        "Be flexible about working patterns when events or emergencies require it",
        "Represent the school positively in the local community",
    ],
}


@dataclass(frozen=True)
class PostKind:
    """A kind of post: its title wordings, terms and the duty sections and criteria that fit it."""

    group: str  # classroom | early | office | site | lunchtime | pastoral | teacher
    titles: tuple[str, ...]
    grades: tuple[str, ...]
    salaries: tuple[str, ...]
    hours: tuple[tuple[str, float], ...]
    reports_to: tuple[str, ...]
    sections: tuple[str, ...]
    purposes: tuple[str, ...]


POSTS = [
    PostKind(
        "classroom",
        ("Teaching Assistant", "Teaching Assistant (Level 2)", "Class Teaching Assistant", "Teaching Assistant (Level 3)"),
        ("Grade 4", "Grade C", "Scale 3", "Band 3", "NJC Grade 4 (SCP 5-6)"),
        ("£24,404 - £24,796 per annum, pro rata", "£12.65 - £12.85 per hour", "£19,132 actual per annum"),
        (("32.5 hours per week, term time only", 32.5), ("30 hours per week, term time only", 30),
         ("27.5 hours per week during term time", 27.5)),
        ("Class Teacher", "Inclusion Lead", "Assistant Headteacher"),
        ("pupils", "teacher", "curriculum", "school", "safeguarding", "general"),
        ("To work alongside the class teacher to help pupils learn, behave well and enjoy school.",
         "To support teaching and learning across the class, giving extra help to pupils who need it most.",
         "The post holder will support pupils' learning and welfare under the direction of the class teacher."),
    ),
    PostKind(
        "classroom",
        ("Higher Level Teaching Assistant", "HLTA", "Higher Level Teaching Assistant (HLTA)"),
        ("Grade 6", "Grade E", "Band 5", "NJC Grade 6 (SCP 12-17)"),
        ("£27,334 - £29,540 per annum, pro rata", "£14.17 - £15.31 per hour"),
        (("32.5 hours per week, term time only", 32.5), ("35 hours per week, term time plus INSET days", 35)),
        ("Deputy Headteacher", "Assistant Headteacher for Inclusion"),
        ("teaching", "pupils", "teacher", "curriculum", "school", "cpd"),
        ("To teach whole classes during planning time and lead interventions that raise attainment.",
         "To complement the work of teachers by taking responsibility for agreed learning activities, "
         "including teaching classes under an agreed system of supervision."),
    ),
    PostKind(
        "lunchtime",
        ("Midday Supervisor", "Midday Supervisory Assistant", "Lunchtime Supervisor", "Mealtime Assistant"),
        ("Grade 1", "Grade A", "Scale 1", "NJC Grade 1 (SCP 2)"),
        ("£12.18 per hour", "£5,118 actual per annum"),
        (("6.25 hours per week, term time only", 6.25), ("7.5 hours per week during term time", 7.5),
         ("5 hours per week, term time only", 5)),
        ("Senior Midday Supervisor", "School Business Manager", "Deputy Headteacher"),
        ("lunchtime", "behaviour", "health_safety", "general"),
        ("To keep pupils safe, happy and well behaved during the lunch break.",
         "To supervise pupils in the dining hall and playground and help them enjoy a sociable, healthy lunch."),
    ),
    PostKind(
        "office",
        ("School Office Manager", "Office Manager", "Senior Administrator"),
        ("Grade 6", "Grade F", "Band 6", "NJC Grade 7 (SCP 17-22)"),
        ("£29,540 - £32,654 per annum", "£30,060 - £33,366 FTE, pro rata"),
        (("37 hours per week, all year round", 37), ("36 hours per week, term time plus four weeks", 36),
         ("30 hours per week, 42 weeks per year", 30)),
        ("School Business Manager", "Headteacher"),
        ("admin", "finance", "office_lead", "health_safety", "general"),
        ("To lead the school office and provide an efficient, welcoming administrative service to the school community.",
         "To manage the day-to-day administration and finance of the school so that the headteacher and staff "
         "can concentrate on teaching and learning."),
    ),
    PostKind(
        "site",
        ("Site Manager", "Caretaker", "Premises Officer", "Site Supervisor"),
        ("Grade 5", "Grade D", "Band 4", "NJC Grade 5 (SCP 7-11)"),
        ("£25,584 - £27,269 per annum", "£13.26 - £14.13 per hour"),
        (("37 hours per week, all year round", 37), ("40 hours per week, split shifts", 40)),
        ("School Business Manager", "Headteacher", "Trust Estates Manager"),
        ("premises", "security", "health_safety", "general"),
        ("To keep the school site safe, secure, clean and in good repair.",
         "To manage the school premises so that pupils and staff have a safe and welcoming place to learn and work."),
    ),
    PostKind(
        "teacher",
        ("Special Educational Needs Coordinator (SENCO)", "SENCO", "Inclusion Lead and SENCO"),
        ("Main Pay Scale plus TLR 2b", "Upper Pay Scale plus SEN allowance", "Leadership Scale L3-L7"),
        ("In line with the STPCD", "MPS/UPS plus SEN allowance"),
        (("Full time", 0), ("0.6 FTE (three days per week)", 0)),
        ("Headteacher", "Deputy Headteacher"),
        ("sen", "leadership", "assessment", "families", "cpd"),
        ("To lead provision for pupils with special educational needs and disabilities so that they achieve well "
         "and take a full part in school life.",
         "To coordinate the school's special educational needs provision and advise colleagues on meeting "
         "the needs of every pupil."),
    ),
    PostKind(
        "teacher",
        ("Class Teacher", "Primary Class Teacher", "Year 4 Class Teacher", "Key Stage 1 Teacher"),
        ("Main Pay Scale", "MPS/UPS", "Main Pay Scale M1-M6"),
        ("In line with the School Teachers' Pay and Conditions Document",),
        (("Full time", 0),),
        ("Headteacher", "Phase Leader", "Deputy Headteacher"),
        ("teaching", "assessment", "behaviour", "safeguarding", "cpd"),
        ("To plan and teach engaging lessons that enable every pupil in the class to make strong progress.",
         "To be responsible for the learning, progress and wellbeing of a class of pupils, working within "
         "the school's policies and the Teachers' Standards."),
    ),
    PostKind(
        "classroom",
        ("Cover Supervisor", "Cover Supervisor (Primary)", "Cover Supervisor and Teaching Assistant"),
        ("Grade 5", "Grade D", "Band 4"),
        ("£25,584 - £27,269 FTE, pro rata",),
        (("32.5 hours per week, term time only", 32.5), ("35 hours per week, term time only", 35)),
        ("Cover Manager", "Deputy Headteacher"),
        ("cover", "behaviour", "pupils", "school", "general"),
        ("To supervise classes when teachers are absent, so that pupils carry on learning without disruption.",
         "To provide cover supervision for classes during short-term absence of teaching staff."),
    ),
    PostKind(
        "pastoral",
        ("Learning Mentor", "Pastoral Mentor", "Learning and Wellbeing Mentor"),
        ("Grade 5", "Grade E", "Band 5"),
        ("£25,979 - £28,770 FTE, pro rata", "£22,140 - £24,512 actual per annum"),
        (("35 hours per week, term time plus one week", 35), ("32.5 hours per week, term time only", 32.5)),
        ("Designated Safeguarding Lead", "Pastoral Lead", "Assistant Headteacher"),
        ("mentoring", "families", "behaviour", "safeguarding", "general"),
        ("To remove barriers to learning for pupils whose wellbeing, behaviour or attendance is holding them back.",
         "To support pupils' emotional wellbeing and engagement in learning through mentoring and work with families."),
    ),
    PostKind(
        "early",
        ("Early Years Practitioner", "Nursery Practitioner", "Nursery Assistant"),
        ("Grade 4", "Grade C", "Band 3"),
        ("£24,404 - £24,796 FTE, pro rata", "£12.65 per hour"),
        (("32.5 hours per week, term time only", 32.5), ("25 hours per week, term time only", 25)),
        ("Early Years Lead", "Nursery Teacher", "Nursery Manager"),
        ("early_years", "families", "safeguarding", "health_safety", "general"),
        ("To provide high-quality care and education for children in the nursery, working as part of the early years team.",
         "To help children in the early years to learn through play in a safe, caring and stimulating setting."),
    ),
]


# ------------------------------------------------------------------------------------------------
# Person-specification criteria: (text, groups it suits; empty = any post)

CATEGORY_LABELS = {
    "qualifications": ["Qualifications", "Qualifications and training", "Education and training",
                       "Qualifications & Training", "Qualifications and experience"],
    "experience": ["Experience", "Relevant experience", "Experience and knowledge", "Work experience"],
    "knowledge_skills": ["Knowledge and skills", "Skills and abilities", "Knowledge and understanding",
                         "Skills/knowledge", "Skills & Abilities"],
    "personal_qualities": ["Personal qualities", "Personal attributes", "Personal characteristics",
                           "Attitudes and personal qualities"],
    "other": ["Other requirements", "Special requirements", "Additional requirements", "Safeguarding",
              "Other"],
}

CRITERIA = {
    "qualifications": [
        ("GCSE English and mathematics at grade 4 or above, or an equivalent qualification", ""),
        ("Level 2 Certificate in Supporting Teaching and Learning or a similar award", "classroom"),
        ("Level 3 qualification in supporting teaching and learning", "classroom"),
        ("Level 3 Diploma for the Early Years Workforce or an equivalent childcare qualification", "early"),
        ("Higher Level Teaching Assistant status or willingness to work towards it", "classroom"),
        ("Qualified Teacher Status, or Early Years Teacher Status for nursery classes", "teacher"),
        ("National Award for SEN Coordination, or a commitment to complete it within three years", "teacher"),
        ("A degree or equivalent professional qualification", "teacher"),
        ("Recognised qualification in business administration or office management", "office"),
        ("Accounting or bookkeeping qualification such as AAT Level 2", "office"),
        ("Paediatric first aid certificate or willingness to train", "classroom,lunchtime,pastoral,early"),
        ("Food hygiene certificate at level 2 or willingness to obtain one", "lunchtime"),
        ("Relevant trade qualification, for example in building maintenance or plumbing", "site"),
        ("Evidence of recent training in safeguarding children", ""),
        ("Counselling, mentoring or youth work qualification", "pastoral"),
    ],
    "experience": [
        ("Experience of working with children aged between four and eleven", "classroom,lunchtime,pastoral"),
        ("Experience of supporting pupils with special educational needs", "classroom,teacher,pastoral,early"),
        ("Successful teaching experience across more than one key stage", "teacher"),
        ("Experience of leading or coordinating provision across a school", "teacher"),
        ("Experience of running a busy office or reception", "office"),
        ("Experience of school finance or budget management systems", "office"),
        ("Experience of using a school management information system such as SIMS or Arbor", "office"),
        ("Experience of building maintenance and minor repairs", "site"),
        ("Experience of supervising contractors and checking their work", "site"),
        ("Experience of supervising children in a play or dining setting", "lunchtime"),
        ("Experience of delivering reading or maths interventions", "classroom"),
        ("Experience of working with families facing difficult circumstances", "pastoral,teacher"),
        ("Experience of working as part of a team", ""),
        ("Experience of caring for babies or young children in a group setting", "early"),
        ("Voluntary or paid work in a school, nursery or youth setting", ""),
    ],
    "knowledge_skills": [
        ("Clear, confident spoken and written English", ""),
        ("Ability to use email, word processing and spreadsheets competently", ""),
        ("Good understanding of how children learn and develop", "classroom,teacher,pastoral,early"),
        ("Knowledge of the phonics programme used in primary schools", "classroom,teacher"),
        ("Understanding of the SEND Code of Practice", "classroom,teacher,pastoral"),
        ("Ability to manage pupils' behaviour calmly and consistently", "classroom,lunchtime,teacher,pastoral"),
        ("Ability to prioritise a varied workload and meet deadlines", "office,teacher,site"),
        ("Working knowledge of health and safety rules on a school site", "site,lunchtime"),
        ("Ability to keep accurate records and handle data carefully", "office,pastoral"),
        ("Knowledge of the Early Years Foundation Stage framework", "early,teacher"),
        ("Ability to analyse assessment information and act on it", "teacher"),
        ("Understanding of data protection and the need for confidentiality", ""),
        ("Ability to listen to children and help them talk about their feelings", "pastoral,lunchtime"),
        ("Practical skills in decorating, carpentry and general repairs", "site"),
        ("Ability to organise games and activities for a large group of children", "lunchtime"),
        ("Good numeracy skills and accuracy with figures", "office"),
    ],
    "personal_qualities": [
        ("Warm, patient and caring approach to children", "classroom,lunchtime,pastoral,early"),
        ("Calm under pressure and able to use initiative", ""),
        ("Reliable, punctual and well organised", ""),
        ("Willingness to learn and to take part in training", ""),
        ("Sense of humour and a positive outlook", ""),
        ("Ability to build good relationships with pupils, parents and colleagues", ""),
        ("Flexible approach and willingness to help wherever needed", ""),
        ("A firm commitment to treating everyone fairly and including all pupils", ""),
        ("Ability to work alone and without close supervision", "site,office"),
        ("Discretion and professionalism when dealing with sensitive matters", "office,pastoral,teacher"),
        ("High expectations of every pupil and a belief that all can succeed", "teacher,classroom"),
        ("Resilience and the ability to reflect on your own practice", "teacher,pastoral"),
    ],
    "other": [
        ("Commitment to safeguarding and promoting the welfare of children", ""),
        ("Willingness to undergo an enhanced check with the Disclosure and Barring Service", ""),
        ("Ability to meet the physical demands of the role", "site,lunchtime"),
        ("Willingness to work occasional evenings and weekends for events", "site,office"),
        ("Full driving licence and access to a vehicle", "pastoral,site"),
        ("Good attendance and health record", ""),
        ("Ability to respond to out-of-hours alarm call-outs", "site"),
    ],
}

# method letters (the key) and the words a key or a cell uses for each
METHOD_WORDS = {
    "application_form": ["Application form", "Application", "Application form and supporting statement"],
    "interview": ["Interview", "Interview and selection process", "Interview questions"],
    "references": ["References", "Reference"],
    "certificates": ["Certificates", "Certificate check", "Qualification certificates"],
    "assessment": ["Task", "Practical task", "Test", "Observation", "Lesson observation", "Presentation"],
}
METHOD_LETTERS = {"application_form": "A", "interview": "I", "references": "R", "certificates": "C"}
ASSESSMENT_LETTERS = {"Task": "T", "Practical task": "T", "Test": "T", "Observation": "O",
                      "Lesson observation": "O", "Presentation": "P"}


# ------------------------------------------------------------------------------------------------
# Prose around the duties and criteria (never duties or criteria themselves)

JD_HEADINGS = ["Job Description", "JOB DESCRIPTION", "Job description", "Role Profile", "Job Profile"]
PS_HEADINGS = ["Person Specification", "PERSON SPECIFICATION", "Person specification", "Person Profile"]
PURPOSE_HEADINGS = ["Job purpose", "Purpose of the post", "Main purpose of the job", "Overall purpose",
                    "Purpose of the role", "Job summary"]
DUTIES_HEADINGS = ["Main duties and responsibilities", "Key responsibilities", "Duties and responsibilities",
                   "Main tasks", "Key tasks and responsibilities", "Main responsibilities"]
LEAD_INS = ["The post holder will:", "The post holder will be expected to:", "Main duties include:",
            "You will be expected to:", "Duties will include the following:", "Under the direction of the "
            "class teacher, the post holder will:"]
DISCLAIMERS = [
    "This job description sets out the main duties of the post. It is not a complete list and may be "
    "reviewed at any time in discussion with the post holder.",
    "The duties above are a guide to the work expected and do not form part of the contract of employment. "
    "They may change as the needs of the school change.",
    "Other duties of a similar level and type may be required from time to time. This job description will "
    "be reviewed annually as part of the appraisal process.",
    "Note: the post holder may be asked to carry out other tasks in keeping with the grade of the post.",
]
SAFEGUARDING = [
    "{school} is committed to safeguarding and promoting the welfare of children and young people and "
    "expects all staff and volunteers to share this commitment. The successful applicant will be subject "
    "to an enhanced DBS check.",
    "We take our responsibility to keep children safe very seriously. All appointments are subject to "
    "satisfactory references, an enhanced Disclosure and Barring Service check and other pre-employment checks.",
    "Safeguarding statement: {school} follows safer recruitment practice. Shortlisted candidates will be "
    "asked about any gaps in their employment history at interview.",
]
WELCOME = [
    "Dear Applicant,",
    "Thank you for your interest in joining {school}. We are a friendly, hard-working team and we are "
    "delighted that you are thinking of working with us.",
    "Our pupils are curious, kind and eager to learn, and our families are very supportive of the school. "
    "Visitors often tell us how welcoming the school feels from the moment they arrive.",
    "In this pack you will find information about our school, the job description and person specification "
    "for the post of {title}, and details of how to apply.",
    "If you would like to visit before applying, please telephone the school office to arrange a time. "
    "We would be very pleased to show you around.",
    "I look forward to receiving your application.",
]
ABOUT = [
    "{school} serves a growing community on the edge of {place}. There are around {n} pupils on roll, "
    "organised in single-age classes from Reception to Year 6.",
    "Our most recent inspection judged the school to be good, praising the strong relationships between "
    "staff and pupils and the broad curriculum on offer.",
    "We have extensive grounds, including a wildlife area, a forest school clearing and a large field used "
    "for sport throughout the year.",
    "The school is part of a local partnership of schools which share training, specialist staff and "
    "opportunities for pupils to meet and work together.",
    "We believe that every child deserves to feel valued and to leave us ready for the next stage of their education.",
]
VALUES = ["Kindness in everything we do", "Curiosity and a love of learning", "Respect for ourselves, each other "
          "and our world", "Courage to try new things", "Pride in our community"]
OFFER = ["A supportive and friendly staff team", "Access to the local government pension scheme",
         "An employee assistance programme offering free, confidential advice", "Free parking on site",
         "Regular training and opportunities for career development"]
APPLY = [
    "Please complete the application form in full and return it to the school office by the closing date.",
    "We do not accept CVs on their own. In your supporting statement, explain how you meet the person "
    "specification, using examples from your experience.",
    "Shortlisted candidates will be contacted within a week of the closing date and invited to interview.",
]
APPLY_STEPS = ["Read this pack carefully", "Complete the application form, including a supporting statement",
               "Send it by email to the school business manager", "Tell us if you need any adjustments for interview"]

# job-evaluation factors: (name, descriptive lines, duty-phrased lines)
FACTORS = [
    ("Supervision and management of others",
     ["This role does not involve the supervision of other staff."],
     ["Show new volunteers and students where equipment is kept and how it is used safely."]),
    ("Contacts and relationships",
     ["Contacts are mainly with pupils, school staff and parents, usually face to face."],
     ["Pass on messages from parents and carers to the right member of staff promptly."]),
    ("Problem solving and creativity",
     ["Most problems are routine and can be solved by following the school's procedures."],
     ["Refer anything unusual or serious to the senior member of staff on duty."]),
    ("Decision making",
     ["Decisions are guided by clear procedures and by the line manager."],
     ["Decide when a minor accident needs first aid, a note home or a call to parents."]),
    ("Resources",
     ["The post holder has no responsibility for budgets or cash."],
     ["Look after the equipment in your area and report any loss or damage."]),
    ("Work demands",
     ["Work is often interrupted and priorities may change at short notice."],
     ["Adjust your plans quickly when the timetable or staffing changes during the day."]),
    ("Physical demands",
     ["The role involves standing and walking for most of the working day."],
     ["Lift and carry tables, chairs and play equipment when needed, following safe handling guidance."]),
    ("Working environment",
     ["Work takes place indoors and outdoors, in all weathers."],
     ["Wear the protective clothing provided for outdoor duties."]),
    ("Work context",
     ["There is some risk of minor injury from the behaviour of pupils."],
     ["Follow the school's de-escalation guidance if a pupil becomes distressed or aggressive."]),
]
FACTOR_HEADINGS = ["Job evaluation factors", "Job factors", "Evaluation factors", "Factors of the role"]
