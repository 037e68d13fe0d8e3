// The device pages read their credential from the link's fragment and from this browser's storage,
// neither of which the server sees: render them in the browser only.
export const ssr = false;
