import Crypto
import Foundation

/// The two API keys Supabase's services accept (ANON_KEY and SERVICE_ROLE_KEY): HS256 JSON Web
/// Tokens signed with the install's JWT secret, which GoTrue, PostgREST, Realtime and Storage
/// verify and Kong compares as they are.
///
/// Pure: the same secret, role and issue time always give the same token, byte for byte. That is
/// what lets a regenerated bundle keep its keys without storing them: the JSON is compact with a
/// fixed key order, and the issue time is an answer kept in rigger.yaml.
public enum SupabaseJWT {
    /// Who the token speaks for: the public key the browser holds, or the admin key servers hold.
    public enum Role: String, Sendable, CaseIterable {
        case anon
        case serviceRole = "service_role"
    }

    /// The issuer Supabase's own key generator writes.
    public static let issuer = "supabase"

    /// How long the keys are valid: 3,652 days (315,532,800 seconds), ten 365-day years and the
    /// two leap days a decade usually holds. A key that expires stops every client using it, so
    /// they are made long-lived, as Supabase's are; rotating the JWT secret replaces them sooner.
    public static let validity = 3_652 * 86_400

    /// The JOSE header, compact.
    public static let header = #"{"alg":"HS256","typ":"JWT"}"#

    /// The claims, compact and in a fixed order: role, iss, iat, exp.
    public static func payload(role: Role, issuedAt: Int) -> String {
        #"{"role":""# + role.rawValue + #"","iss":""# + issuer + #"","iat":"# + String(issuedAt)
            + #","exp":"# + String(issuedAt + validity) + "}"
    }

    /// The signed token `header.payload.signature`, each part base64url without padding.
    public static func token(role: Role, issuedAt: Int, secret: String) -> String {
        let signingInput = base64URL(Data(header.utf8)) + "." + base64URL(Data(payload(role: role, issuedAt: issuedAt).utf8))
        return signingInput + "." + signature(of: signingInput, secret: secret)
    }

    /// The HS256 signature of `signingInput` (the token's `header.payload`), base64url.
    public static func signature(of signingInput: String, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return base64URL(Data(code))
    }

    /// Base64url (RFC 4648 section 5) without padding, as JWTs are written. Its alphabet has no
    /// '/', '&' or '\', so the token also survives the sed substitution Kong's start script makes.
    public static func base64URL(_ data: Data) -> String {
        var text = data.base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
