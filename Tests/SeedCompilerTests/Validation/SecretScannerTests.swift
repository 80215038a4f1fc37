@testable import SeedCompiler
import XCTest

final class SecretScannerTests: XCTestCase {
    /// Tokens are long runs of ASCII letters, digits and -_+/=., mixed case with
    /// digits or all hex; anything else (text, URLs, paths, other scripts) is not.
    func testTokensAndWhatIsNotOne() {
        XCTAssertEqual(SecretScanner.kind(of: "$2b$12$abcdefghijklmnopqrstuv"), "a password hash")
        XCTAssertEqual(SecretScanner.kind(of: "AbCdEfGhIjKlMnOpQrStUvWxYz012345"), "a secret token")
        XCTAssertEqual(SecretScanner.kind(of: "0123456789abcdef0123456789ABCDEF"), "a secret token")
        XCTAssertNil(SecretScanner.kind(of: "AbCdEfGhIjKlMnOpQrStUvWxYz01234"), "31 characters")
        XCTAssertNil(SecretScanner.kind(of: "abcdefghijklmnopqrstuvwxyzabcdef"), "no upper case or digit")
        XCTAssertNil(SecretScanner.kind(of: "AbCdEfGhIjKlMnOpQrStUvWxYz 012345"))
        XCTAssertNil(SecretScanner.kind(of: "AbCdEfGhIjKlMnOpQrStUvWxYz\u{A0}012345"))
        XCTAssertNil(SecretScanner.kind(of: "AbCdEfGhIjKlMnOpQrStUvWxYzé012345"))
        XCTAssertNil(SecretScanner.kind(of: "https://chat.whatsapp.com/AbCdEfGhIjKl0123"))
        XCTAssertNil(SecretScanner.kind(of: "/api/files/Report_20251116_AbCdEfGh.xlsx"))
        XCTAssertNil(SecretScanner.kind(of: "Form_Template_v2_AbCdEfGhIjKlMnOpQr.pdf"))
    }
}
