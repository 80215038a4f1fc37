"""The IM Hub's tables as its SQLAlchemy 2 models declare them (facts from
../shared/fixtures/imhub/README.md), plus the `sectors` table our content adds.
No unique constraints on natural keys except the app's own (users.username,
links.slug), and created_at/updated_at filled on the client side."""

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def _timestamps(cls):
    cls.created_at = Column(DateTime)
    cls.updated_at = Column(DateTime)
    return cls


@_timestamps
class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    username = Column(String(100), unique=True, nullable=False)
    password_hash = Column(String(255), nullable=False)
    full_name = Column(String(200))
    email = Column(String(200))
    is_admin = Column(Boolean, default=False)
    is_active = Column(Boolean, default=True)
    last_login = Column(DateTime)


@_timestamps
class WhatsAppGroup(Base):
    __tablename__ = "whatsapp_groups"
    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False)
    sector = Column(String(100), nullable=False)
    description = Column(Text, nullable=False)
    link = Column(String(500), nullable=False)
    contact_name = Column(String(200))
    contact_email = Column(String(200))
    approved = Column(Boolean, default=False)
    deleted = Column(Boolean, default=False)


@_timestamps
class Announcement(Base):
    __tablename__ = "announcements"
    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    content = Column(Text, nullable=False)
    date = Column(DateTime, nullable=False)
    priority = Column(String(20), default="normal")
    author = Column(String(200))
    tags = Column(Text)
    approved = Column(Boolean, default=True)
    deleted = Column(Boolean, default=False)


@_timestamps
class Contact(Base):
    __tablename__ = "contacts"
    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False)
    organization = Column(String(200), nullable=False)
    position = Column(String(200))
    email = Column(String(200))
    phone = Column(String(50))
    sector = Column(String(100))
    parish = Column(String(100))
    community = Column(String(200))
    latitude = Column(String(50))
    longitude = Column(String(50))
    location_type = Column(String(50), default="field")
    status = Column(String(50), default="active")
    notes = Column(Text)
    deleted = Column(Boolean, default=False)
    approved = Column(Boolean, default=True)


@_timestamps
class Link(Base):
    __tablename__ = "links"
    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    slug = Column(String(100), unique=True, nullable=False)
    url = Column(String(1000), nullable=False)
    description = Column(Text)
    created_by = Column(String(200))
    deleted = Column(Boolean, default=False)


@_timestamps
class Resource(Base):
    __tablename__ = "resources"
    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    description = Column(Text)
    url = Column(String(500), nullable=False)
    category = Column(String(100))
    sector = Column(String(100))
    submitted_by = Column(String(200))
    email = Column(String(200))
    approved = Column(Boolean, default=False)


@_timestamps
class Sector(Base):
    __tablename__ = "sectors"
    id = Column(Integer, primary_key=True)
    slug = Column(String(100), nullable=False)
    title = Column(String(100), nullable=False)
    description = Column(Text)
    body = Column(Text)
    body_html = Column(Text)
