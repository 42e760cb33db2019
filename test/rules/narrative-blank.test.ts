import rule from '../../rules/narrative-blank.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

const cases = {
  valid: [
    {
      name: 'every figure written',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 4.50, share: 36.00, change: {amount: 0.50, direction: 减少, rate: 10.00}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a blank share',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 4.50, blank: 占“三公”经费的 %}
      `,
      errors: [
        {
          messageId: 'blank',
          path: '/narrative/0/blank',
          line: 7,
          level: 'error' as const,
          zh: '公务接待费处留有空白占位“占“三公”经费的 %”，应填写数字',
          en: '公务接待费: a blank placeholder "占“三公”经费的 %" is left where a figure belongs',
        },
      ],
    },
    {
      name: 'a blank amount and a blank change, one statement each',
      yaml: yaml`
        narrative:
          - {label: 机关运行经费, unit: 万元, blank: 机关运行经费XX万元}
          - {label: 项目支出, amount: 380.00, change: {direction: 减少}, blank: 减少 万元}
      `,
      errors: [
        { messageId: 'blank', path: '/narrative/0/blank', line: 7, zh: '“机关运行经费XX万元”' },
        { messageId: 'blank', path: '/narrative/1/blank', line: 8, zh: '项目支出处留有空白占位“减少 万元”' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
