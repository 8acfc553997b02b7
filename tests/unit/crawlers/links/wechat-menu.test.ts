import { describe, expect, it } from 'vitest';
import { menuLinks, selfmenuSchema } from '@/crawlers/links/wechat-menu';

// get_current_selfmenu_info as WeChat documents it: top-level buttons, or a sub_button list under a parent.
const WIRE = {
  is_menu_open: 1,
  selfmenu_info: {
    button: [
      { type: 'view', name: '办事大厅', url: 'https://zwfw.jiangchuan.gov.cn/' },
      {
        name: '政务公开',
        sub_button: {
          list: [
            { type: 'view', name: '政策文件', url: 'https://www.jiangchuan.gov.cn/zcwj/' },
            {
              type: 'news',
              name: '通知',
              value: 'KQb_w_Tiz-nSdVLoTV35Psmty8hGBulGhEdbb9SKs-o',
              news_info: {
                list: [
                  {
                    title: '停水通知',
                    content_url: 'http://mp.weixin.qq.com/s?__biz=MzkwMDAwMDAwMQ==&mid=1&idx=1',
                    source_url: '',
                  },
                ],
              },
            },
            {
              type: 'miniprogram',
              name: '小程序',
              url: 'http://mp.weixin.qq.com',
              appid: 'wx286b93c14bbf93aa',
              pagepath: 'pages/lunar/index',
            },
            { type: 'click', name: '联系我们', key: 'CONTACT' },
            { type: 'view', name: '重复', url: 'https://zwfw.jiangchuan.gov.cn/' },
          ],
        },
      },
    ],
  },
};

describe('menuLinks', () => {
  it('reads view buttons and news articles, skips mini-program fallbacks and clicks, once each', () => {
    expect(menuLinks(selfmenuSchema.parse(WIRE))).toEqual([
      'https://zwfw.jiangchuan.gov.cn/',
      'https://www.jiangchuan.gov.cn/zcwj/',
      'http://mp.weixin.qq.com/s?__biz=MzkwMDAwMDAwMQ==&mid=1&idx=1',
    ]);
  });

  it('a menu switched off has no links', () => {
    expect(menuLinks(selfmenuSchema.parse({ is_menu_open: 0 }))).toEqual([]);
  });

  it('tolerates unknown fields and a string is_menu_open', () => {
    expect(
      menuLinks(
        selfmenuSchema.parse({
          is_menu_open: '1',
          extra: true,
          selfmenu_info: { button: [{ type: 'view', url: 'https://a.gov.cn/', future: 1 }] },
        }),
      ),
    ).toEqual(['https://a.gov.cn/']);
  });
});
