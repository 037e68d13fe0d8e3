/**
 * Bumped when a change would break an existing client. A page sends it in its handshake
 * (`auth.protocol`) and is refused `outdated` unless the server speaks it [R66]; sent in every
 * snapshot too. A leaf module, so pages can import it without the command table.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest version this server still speaks (raise it when a bump leaves old pages behind). */
// 2: the board on and off the wall (R52), records for funders (R53), carried topics (R54): a page of
// version 1 would hide a held board's question, so it is told to reload
export const MIN_PROTOCOL_VERSION = 2;
