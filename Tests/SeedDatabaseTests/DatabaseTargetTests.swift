import Foundation
import SeedDatabase
import XCTest

final class DatabaseTargetTests: XCTestCase {
    let root = URL(fileURLWithPath: "/srv/hub", isDirectory: true)

    func testForms() {
        XCTAssertEqual(DatabaseTarget("app.db", relativeTo: root), .sqlite(path: "/srv/hub/app.db"))
        XCTAssertEqual(DatabaseTarget("sqlite:data/app.db", relativeTo: root), .sqlite(path: "/srv/hub/data/app.db"))
        XCTAssertEqual(DatabaseTarget("sqlite:///./app.db", relativeTo: root), .sqlite(path: "/srv/hub/app.db"))
        XCTAssertEqual(DatabaseTarget("sqlite:////var/app.db", relativeTo: root), .sqlite(path: "/var/app.db"))
        XCTAssertEqual(DatabaseTarget("/var/app.db", relativeTo: root), .sqlite(path: "/var/app.db"))
        XCTAssertEqual(DatabaseTarget("postgres://u:pw@db:5432/app?sslmode=require", relativeTo: root),
                       .postgres(url: "postgres://u:pw@db:5432/app?sslmode=require"))
        XCTAssertEqual(DatabaseTarget("POSTGRESQL://db/app", relativeTo: root), .postgres(url: "POSTGRESQL://db/app"))
    }

    func testDescriptionHidesThePassword() {
        let target = DatabaseTarget("postgres://app:hunter2@db.example:5432/hub", relativeTo: root)
        XCTAssertEqual(target.description, "postgres://app:***@db.example:5432/hub")
        XCTAssertFalse(target.description.contains("hunter2"))
        let malformed = DatabaseTarget("postgresql://app:hunter2@[::1/db", relativeTo: root)
        XCTAssertEqual(malformed.description, "postgresql://app:***@[::1/db")
    }
}
