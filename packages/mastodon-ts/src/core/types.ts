/** Result shapes shared by API methods. */

/**
 * A page of a paginated list: a plain array that also carries the server's Link pagination
 * (read it with `getPaginationInfo(page, "next")`; it is kept out of JSON and iteration).
 */
export type PaginatedList<T> = T[];

/** A list that the server does not paginate. */
export type NonPaginatedList<T> = T[];

/** What methods documented as returning nothing resolve to: the server's (usually empty) body. */
export type EmptyResult = Record<string, unknown>;
