import { describe, expect, it } from 'vitest'
import { grantStatus, isExpiryAllowed, maxExpiry, pickerDate, shanghaiToday } from '@/views/portal/assistants/data'

describe('帮办授权 dates', () => {
  it("takes today's date in Beijing, whatever the browser's zone", () => {
    expect(shanghaiToday(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01')
    expect(shanghaiToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02')
  })
  it('ends a year ahead on the same calendar day, 29 February on the 28th', () => {
    expect(maxExpiry('2026-05-20')).toBe('2027-05-20')
    expect(maxExpiry('2028-02-29')).toBe('2029-02-28')
    expect(maxExpiry('2026-12-31')).toBe('2027-12-31')
  })
  it('allows today up to a year ahead, nothing before or after, nor a malformed date', () => {
    const today = '2026-05-20'
    expect(isExpiryAllowed('2026-05-20', today)).toBe(true)
    expect(isExpiryAllowed('2027-05-20', today)).toBe(true)
    expect(isExpiryAllowed('2026-05-19', today)).toBe(false)
    expect(isExpiryAllowed('2027-05-21', today)).toBe(false)
    expect(isExpiryAllowed('', today)).toBe(false)
    expect(isExpiryAllowed('2026-6-1', today)).toBe(false)
  })
  it("reads the picker's local dates as they show", () => {
    expect(pickerDate(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
  it('marks a grant revoked, expired after its last day, else active', () => {
    const today = '2026-05-20'
    expect(grantStatus({ revoked_at: null, expires_on: '2026-05-20' }, today)).toBe('active')
    expect(grantStatus({ revoked_at: null, expires_on: '2026-05-19' }, today)).toBe('expired')
    expect(grantStatus({ revoked_at: '2026-05-01T10:00:00+08:00', expires_on: '2026-12-31' }, today)).toBe('revoked')
  })
})
