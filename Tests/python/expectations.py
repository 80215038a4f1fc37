"""What the repository's content must read back as, through the app's own models."""

import datetime

from sqlalchemy.orm import Session

from models import Announcement, Contact, Link, Resource, Sector, User, WhatsAppGroup

COUNTS = {Sector: 4, Announcement: 2, WhatsAppGroup: 4, Contact: 3, Link: 2, Resource: 2}


def check_rows(engine, users=0):
    """Every seeded row reads back exactly, once, through SQLAlchemy."""
    with Session(engine) as session:
        for model, count in COUNTS.items():
            assert session.query(model).count() == count, model.__tablename__
        assert session.query(User).count() == users

        brown = session.query(Contact).filter_by(name='Dwayne "DJ" Brown').one()
        assert brown.notes == "Back\\slash test; it's fine -- really; DROP TABLE contacts; \nSecond line with émoji 🌀"
        assert brown.phone == "0755"
        assert brown.status == "deployed" and brown.location_type == "field"
        assert brown.latitude == "18.2180"
        assert brown.deleted is False and brown.approved is True
        assert isinstance(brown.created_at, datetime.datetime)

        literal = session.query(Contact).filter_by(name="no").one()
        assert (literal.organization, literal.position, literal.parish) == ("null", "yes", "~")

        wash = session.query(WhatsAppGroup).filter_by(name="WASH Coordination").one()
        assert wash.description == "Water trucking schedules and chlorination points.\nPost daily updates before 18:00 — thank you 💧\n"
        health = session.query(WhatsAppGroup).filter_by(name="Health Partners").one()
        assert health.description == 'Mobile clinics & "surge" staff; cholera alerts.'
        food = session.query(WhatsAppGroup).filter_by(name="Food Security Working Group").one()
        assert food.approved is False and food.sector == "Food Security"

        meeting = session.query(Announcement).filter_by(title="General Coordination Meeting").one()
        assert meeting.date == datetime.datetime(2026, 11, 18)
        assert meeting.tags == "coordination,meetings"
        assert meeting.priority == "high"
        assert "<strong>Thursday 10:00</strong>" in meeting.content

        shelter = session.query(Sector).filter_by(slug="shelter").one()
        assert shelter.title == "Shelter"
        assert "<table>" in shelter.body_html and "<h1>Shelter</h1>" in shelter.body_html
        wash_sector = session.query(Sector).filter_by(slug="wash").one()
        assert "<del>Boil-water notice for Black River</del>" in wash_sector.body_html

        template = session.query(Link).filter_by(slug="5w-template").one()
        assert template.url == "https://example.org/files/5w-template.xlsx"
