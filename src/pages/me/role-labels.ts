import type { PersonaRole } from '../../services/dev-personas'

export const ROLE_LABELS: Record<PersonaRole, string> = {
  consumer: '顾客',
  employee: '员工',
  hq_admin: '总部管理员',
}
