import { describe, expect, it } from 'vitest'
import { DEFAULT_FIELD_KEYS, SUBSCRIBE_ENV, subscribeEnvironment, subscribeTemplatesFrom } from '../../../../cloudfunctions/_shared/notifications/config'
import { LOCAL_SUBSCRIBE_TEMPLATES } from '../../../../local-cloud/openapi/subscribe-message'

describe('subscription message templates, from the function’s environment', () => {
  it('a kind without a template id has no template: it is never asked for nor sent', () => {
    expect(subscribeTemplatesFrom({})).toEqual({ templates: {}, problems: [] })
    expect(subscribeTemplatesFrom({ [SUBSCRIBE_ENV.order_shipped.template]: ' tmpl-A ' })).toEqual({
      templates: { order_shipped: { id: 'tmpl-A', fields: DEFAULT_FIELD_KEYS.order_shipped } },
      problems: [],
    })
  })

  it('a field map names the template’s own keys; one naming an unknown field or a key WeChat has no type for is a problem, and its kind is left out', () => {
    const env = {
      [SUBSCRIBE_ENV.refund_result.template]: 'tmpl-R',
      [SUBSCRIBE_ENV.refund_result.fields]: 'orderNo=character_string3, amount=amount1,outcome=phrase2',
      [SUBSCRIBE_ENV.commission_available.template]: 'tmpl-C',
      [SUBSCRIBE_ENV.commission_available.fields]: 'amount=amount1,bonus=thing2',
      [SUBSCRIBE_ENV.order_shipped.template]: 'tmpl-S',
      [SUBSCRIBE_ENV.order_shipped.fields]: 'orderNo=colour1',
    }
    const { templates, problems } = subscribeTemplatesFrom(env)
    expect(templates).toEqual({ refund_result: { id: 'tmpl-R', fields: { orderNo: 'character_string3', amount: 'amount1', outcome: 'phrase2' } } })
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).toContain(SUBSCRIBE_ENV.commission_available.fields)
    expect(problems.join('\n')).toContain(SUBSCRIBE_ENV.order_shipped.fields)
  })

  it('the variables the local cloud gives its functions read back as its templates', () => {
    expect(subscribeTemplatesFrom(subscribeEnvironment(LOCAL_SUBSCRIBE_TEMPLATES))).toEqual({ templates: LOCAL_SUBSCRIBE_TEMPLATES, problems: [] })
  })
})
