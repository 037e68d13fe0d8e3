/**
 * Bumped when a change would break an existing client. A page sends it in its handshake
 * (`auth.protocol`) and is refused `outdated` unless the server speaks it [R66]; sent in every
 * snapshot too. A leaf module, so pages can import it without the command table.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest version this server still speaks (raise it when a bump leaves old pages behind). */
export const MIN_PROTOCOL_VERSION = 1;
