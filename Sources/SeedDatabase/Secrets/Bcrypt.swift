import CCrypt
import SeedCompiler
import Foundation

/// bcrypt (`$2b$`) through libxcrypt, the hash the IM Hub checks with `bcrypt.checkpw`.
public enum Bcrypt {
    public static let cost = PasswordHash.bcryptCost

    public enum Failure: Error, CustomStringConvertible {
        case noSalt, hashFailed
        public var description: String {
            switch self {
            case .noSalt: "libxcrypt could not make a bcrypt salt"
            case .hashFailed: "libxcrypt could not hash the password"
            }
        }
    }

    /// A new `$2b$` hash of `password`, with a random salt at `cost`.
    public static func hash(_ password: String, cost: Int = cost) throws -> String {
        var salt = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        // A nil entropy source makes libxcrypt read the operating system's random bytes.
        guard crypt_gensalt_rn("$2b$", UInt(cost), nil, 0, &salt, Int32(salt.count)) != nil else { throw Failure.noSalt }
        var data = crypt_data()
        guard let result = crypt_r(password, salt, &data) else { throw Failure.hashFailed }
        let hash = String(cString: result)
        // libxcrypt reports failure as a string starting with `*`.
        guard hash.hasPrefix("$2b$") else { throw Failure.hashFailed }
        return hash
    }

    /// True when `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        var data = crypt_data()
        guard let result = crypt_r(password, hash, &data) else { return false }
        return String(cString: result) == hash
    }
}
