/// How passwords are stored, the same by `seedc apply` and `seed_initial_data.py`:
/// bcrypt `$2b$` hashes of the environment variable's value, made when the row is inserted.
public enum PasswordHash {
    /// bcrypt's cost (2^12 rounds), what the IM Hub's own `bcrypt.hashpw` uses.
    public static let bcryptCost = 12
}
