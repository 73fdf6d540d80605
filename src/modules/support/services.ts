// The fixed list of services a support centre may offer (issue 18, after the OWES standards'
// substantive areas: local animation, creating PES/PS, reintegration, procurement help, business support).
export const SUPPORT_SERVICES = ['animation', 'incubation', 'advice', 'training', 'reintegration', 'procurement', 'job_grants'] as const;
export type SupportService = (typeof SUPPORT_SERVICES)[number];

export function isSupportService(v: string): v is SupportService {
  return (SUPPORT_SERVICES as readonly string[]).includes(v);
}
