#!/usr/bin/env python3
"""Creates the IM Hub's tables the way its SQLAlchemy models do (Tests/python/models.py)
in a fresh database, dropping what is there first (seedc's ledger included).

    tables.py sqlite:///PATH | postgresql://URL"""

import sys
from pathlib import Path

import sqlalchemy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "python"))
from models import Base  # noqa: E402


def main(url):
    if url.startswith("postgres"):
        url = "postgresql+psycopg2://" + url.split("://", 1)[1]
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS seedc_ledger")
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
