import { http } from '@/utils/request'

/** The logged-in user as /auth/login and /auth/me describe them. */
export interface CurrentUser {
  id: number
  username: string
  display_name: string
  department_id: number | null
  department_name: string | null
  roles: string[]
  permissions: string[]
}

/** Answer of login and me: the user and the token every non-GET request must echo. */
export interface SessionInfo {
  user: CurrentUser
  csrf_token: string
}

export interface LoginBody {
  username: string
  password: string
}

/** POST /api/v1/auth/login. 401 auth.bad_credentials; 423/429 auth.locked (details.locked_until). */
export function login(body: LoginBody) {
  return http.post<SessionInfo>('/api/v1/auth/login', body, { silent: true, skipAuthRedirect: true })
}

/** POST /api/v1/auth/logout. */
export function logout() {
  return http.post<void>('/api/v1/auth/logout', undefined, { silent: true, skipAuthRedirect: true })
}

/** GET /api/v1/auth/me; 401 when not logged in (not reported: the caller decides). */
export function me() {
  return http.get<SessionInfo>('/api/v1/auth/me', undefined, { silent: true, skipAuthRedirect: true })
}
