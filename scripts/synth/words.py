"""Vocabulary for synthetic requests: labels and sentences shaped like those police FOI responses use (all invented)."""
from __future__ import annotations

# The territorial forces of England and Wales, added to a benchmark copy of forces.csv when the reference list lacks them.
FORCES = [
    ("avon-and-somerset", "Avon and Somerset Constabulary"), ("bedfordshire", "Bedfordshire Police"),
    ("cambridgeshire", "Cambridgeshire Constabulary"), ("cheshire", "Cheshire Constabulary"),
    ("city-of-london", "City of London Police"), ("cleveland", "Cleveland Police"), ("cumbria", "Cumbria Constabulary"),
    ("derbyshire", "Derbyshire Constabulary"), ("devon-and-cornwall", "Devon and Cornwall Police"), ("dorset", "Dorset Police"),
    ("durham", "Durham Constabulary"), ("dyfed-powys", "Dyfed-Powys Police"), ("essex", "Essex Police"),
    ("gloucestershire", "Gloucestershire Constabulary"), ("greater-manchester", "Greater Manchester Police"),
    ("gwent", "Gwent Police"), ("hampshire", "Hampshire Constabulary"), ("hertfordshire", "Hertfordshire Constabulary"),
    ("humberside", "Humberside Police"), ("kent", "Kent Police"), ("lancashire", "Lancashire Constabulary"),
    ("leicestershire", "Leicestershire Police"), ("lincolnshire", "Lincolnshire Police"), ("merseyside", "Merseyside Police"),
    ("metropolitan", "Metropolitan Police Service"), ("norfolk", "Norfolk Constabulary"), ("north-wales", "North Wales Police"),
    ("north-yorkshire", "North Yorkshire Police"), ("northamptonshire", "Northamptonshire Police"),
    ("northumbria", "Northumbria Police"), ("nottinghamshire", "Nottinghamshire Police"), ("south-wales", "South Wales Police"),
    ("south-yorkshire", "South Yorkshire Police"), ("staffordshire", "Staffordshire Police"), ("suffolk", "Suffolk Constabulary"),
    ("surrey", "Surrey Police"), ("sussex", "Sussex Police"), ("thames-valley", "Thames Valley Police"),
    ("warwickshire", "Warwickshire Police"), ("west-mercia", "West Mercia Police"), ("west-midlands", "West Midlands Police"),
    ("west-yorkshire", "West Yorkshire Police"), ("wiltshire", "Wiltshire Police"),
]

OFFENCES = [
    ("86/2", "Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children."),
    ("86/10", "Possession Of An Indecent Or Pseudo Photograph Of A Child"),
    ("86/15", "Possessing Prohibited Images Of Children"),
    ("71/17", "7117 - ENGAGE IN SEXUAL COMMUNICATION WITH A CHILD"),
    ("88A", "Meeting a child following sexual grooming etc"),
    ("86/2", "086/02 - Take or to make or to distribute indecent photographs or pseudo- photographs, of children"),
    ("86/10", "086/10 - Possession of an indecent or pseudo indecent photo of a child"),
]
OUTCOMES = ["UNSOLVED", "Charge/Summons", "Outcome 21", "Caution - youth", "Community Resolution", "Evidential difficulties",
            "Outcome 22", "Named suspect identified"]
AGES = ["Under 10's", "10", "11", "12", "13", "14", "15", "16", "17"]
AGE_BANDS = ["11 and under", "12-15", "16 and over", "Age not recorded"]
GENDERS = ["Male", "Female", "Unknown"]
PLATFORMS = ["WHATSAPP", "FACEBOOK", "TWITTER", "INSTAGRAM", "SNAPCHAT", "KIK", "TIKTOK", "DISCORD", "OMEGLE", "XBOX LIVE",
             "PLAYSTATION", "YOUTUBE", "TELEGRAM", "WICKR", "SKYPE", "GRINDR", "TINDER", "MEETME", "YUBO", "ROBLOX"]
SYSTEMS = ["CMS", "Athena", "Niche RMS", "CONNECT", "Crime Information System", "Storm", "Genesis", "PNC", "Origin"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

# What a force says when it gives each fate (the question number is filled in).
FATES = {
    "answered": "Q{n} – please see the figures below.",
    "answered-in-attachment": "Q{n} – the information is provided in the enclosed spreadsheet.",
    "partly-answered": "Q{n} – we can provide some of the information requested, as set out below.",
    "refused-cost": "Q{n} – to answer this question would exceed the appropriate cost limit of 18 hours under Section 12.",
    "exempt": "Q{n} – this information is exempt from disclosure under Section 40(2) Personal Information.",
    "not-held": "Q{n} – this information is not held in a retrievable format.",
    "not-addressed": "Q{n} – please refer to our previous correspondence.",
}
SECTIONS = ["s40(2)", "s30(1)", "s31(1)", "s38(1)"]

# A caveat in words like a force's, for each caveat kind (others fall back to the kind's description).
CAVEATS = {
    "system-change": "The force moved to a new crime recording system during the period and figures from the two systems are not comparable.",
    "migration-data-quality": "Some data recorded after the migration to the new system may include inaccuracies.",
    "unaudited-snapshot": "The numerical data presented in this response is an un-audited snapshot of un-published data sourced from live systems.",
    "interpretation": "The data is subject to the interpretation of the original request by the individual extracting the data.",
    "keyword-search": "Searching for keywords may not accurately identify all offences due to spelling variations or errors.",
    "search-limits": "Our systems are designed for policing purposes and have limited search capability.",
    "offender-vs-offence": "Please note that one offender may be linked to more than one offence, so these counts differ.",
    "age-misrecorded": "Some ages may have been recorded incorrectly at the time of the report.",
    "not-formally-recorded": "The age of the child is not always formally recorded in a structured field.",
    "small-numbers": "Figures of fewer than five have been replaced with an asterisk to prevent the identification of individuals.",
    "no-victim-details": "A number of offences are currently recorded without victim details.",
    "measure-differs": "The figures given count recorded crimes rather than the incidents asked about.",
    "total-mismatch": "Totals may not equal the sum of their parts as figures are drawn at different times.",
}

TOPIC_WORDS = {
    "indecent-images": "indecent images of children",
    "grooming": "sexual grooming of children",
    "sexual-communication": "sexual communication with a child",
    "outcome-21": "the use of Outcome 21",
    "sexting": "youth produced sexual imagery (sexting by under 18s)",
}

APPENDIX = ("Paragraph {n}. The force is committed to openness and transparency. Information released under the Act is "
            "considered to be in the public domain. Where figures are provided they reflect the data held at the time the "
            "search was carried out and may change as investigations progress. Crime records are subject to review under "
            "the Home Office Counting Rules and the National Crime Recording Standard, and classification may change.")
