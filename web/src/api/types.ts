/** Shapes shared by every API module (DESIGN.md "API shape"). */

/** Query of every list endpoint: page counts from 1, size is at most 100, sort is `field,-field`. */
export interface PageQuery {
  page?: number
  size?: number
  sort?: string
}

/** Answer of every paged list endpoint. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

/** Answer of the unpaged lists (departments, roles, parameters…). */
export interface ItemList<T> {
  items: T[]
}

/** Largest page the API accepts; more is a 400. */
export const kMaxPageSize = 100
