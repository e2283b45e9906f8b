// Unit tests of the source-document heading parser that deck citations are checked against.
import { findSections, headingName, parseDocHeadings, suggestSections } from '../../scripts/lib/doc-outline';

const doc = (...lines: string[]) => lines.join('\n');
const outline = (text: string) =>
  parseDocHeadings(text).sections.map((s) => ({ name: s.name, level: s.level, hasFacts: s.hasFacts }));

describe('heading names', () => {
  test.each([
    ['1.4 [容器技术应用及其白皮书](https://blog.csdn.net/x?locationNum=4&fps=1)', '1.4 容器技术应用及其白皮书'],
    ['虚拟化[[1]](https://www.cyc2018.xyz/其它/编码实践/Docker.html)', '虚拟化'],
    ['Docker Compose[[4]](https://a.example/1)[[4]](https://a.example/2)', 'Docker Compose'],
    ['2. [Docker是什么？](https://docs.docker.com/engine/docker-overview/)', '2. Docker是什么？'],
    ['[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) and  more ', 'Foo and more'],
    ['Footnote[^1]', 'Footnote'],
  ])('%s → %s', (raw, name) => expect(headingName(raw)).toBe(name));

  test('closing #s are dropped, # inside a word is kept', () => {
    expect(outline(doc('## C# basics ##', 'text')).map((s) => s.name)).toEqual(['C# basics']);
  });
});

describe('heading tree', () => {
  test('only # at line start, outside fences, with a space after it, is a heading', () => {
    const text = doc(
      '# Top',
      'intro',
      '```bash',
      '# not a heading',
      '```',
      ' # indented is not a heading',
      '#hashtag is not a heading',
      '~~~',
      '## inside a tilde fence',
      '~~~',
      '## Child',
      'fact',
    );
    expect(outline(text)).toEqual([
      { name: 'Top', level: 1, hasFacts: true },
      { name: 'Child', level: 2, hasFacts: true },
    ]);
  });

  test('a fence of four backticks is not closed by three', () => {
    const text = doc('# A', '````md', '```', '# still code', '```', '````', '# B', 'x');
    expect(outline(text).map((s) => s.name)).toEqual(['A', 'B']);
  });

  test('ancestors follow levels, skipping missing ones', () => {
    const text = doc('# A', '### A1', '## A2', '#### A2a', '# B');
    expect(parseDocHeadings(text).sections.map((s) => [s.name, s.ancestors])).toEqual([
      ['A', []],
      ['A1', ['A']],
      ['A2', ['A']],
      ['A2a', ['A', 'A2']],
      ['B', []],
    ]);
  });
});

describe('duplicate names', () => {
  const text = doc(
    '## 虚拟化',
    'x',
    '### Docker',
    'y',
    '## Docker',
    '## 体系',
    '### 容器',
    'z',
    '## 其他',
    '### 容器',
    'w',
  );
  const o = parseDocHeadings(text);

  test('nested duplicates are cited as "Parent > Child"', () => {
    expect(o.sections.map((s) => s.citation)).toEqual([
      '虚拟化',
      '虚拟化 > Docker',
      'Docker',
      '体系',
      '体系 > 容器',
      '其他',
      '其他 > 容器',
    ]);
  });

  test('the bare name matches only a top-level duplicate; "Parent > Child" always matches', () => {
    expect(findSections(o, 'Docker').map((s) => s.line)).toEqual([5]);
    expect(findSections(o, '虚拟化 > Docker').map((s) => s.line)).toEqual([3]);
    expect(findSections(o, '容器')).toEqual([]);
    expect(findSections(o, '其他 > 容器').map((s) => s.line)).toEqual([10]);
    expect(findSections(o, '体系').map((s) => s.line)).toEqual([6]);
    expect(findSections(o, '  体系 ')).toHaveLength(1);
  });

  test('a unique heading matches by name, by "Parent > Child" and by a longer chain', () => {
    const nested = parseDocHeadings(doc('# A', '## B', '### C', 'fact'));
    for (const c of ['C', 'B > C', 'A > B > C']) expect(findSections(nested, c).map((s) => s.name)).toEqual(['C']);
    expect(findSections(nested, 'A > C')).toEqual([]);
    expect(findSections(nested, 'X > C')).toEqual([]);
  });

  test('a near miss gets suggestions', () => {
    expect(suggestSections(o, '虚拟')).toContain('虚拟化');
    expect(suggestSections(parseDocHeadings(doc('## Control groups', 'x')), 'Control group')).toEqual([
      'Control groups',
    ]);
  });
});

describe('preamble', () => {
  test('front matter title names the text before the first heading', () => {
    const text = doc(
      '---',
      'title: "Docker Introduce"',
      'date: 2015-12-05',
      '---',
      'Docker is light.',
      '<!--more-->',
      '## Next',
      'x',
    );
    const o = parseDocHeadings(text);
    expect(o.title).toBe('Docker Introduce');
    expect(outline(text)).toEqual([
      { name: 'Docker Introduce', level: 0, hasFacts: true },
      { name: 'Next', level: 2, hasFacts: true },
    ]);
    expect(findSections(o, 'Docker Introduce')).toHaveLength(1);
  });

  test('Hexo-style front matter without the opening ---', () => {
    const text = doc(
      'title: Docker Introduce',
      'tags: Virtualization',
      'banner: http://x.example/1.PNG',
      '---',
      '<!--more-->',
      '## What is Docker?',
      'x',
    );
    expect(outline(text)).toEqual([
      { name: 'Docker Introduce', level: 0, hasFacts: false },
      { name: 'What is Docker?', level: 2, hasFacts: true },
    ]);
  });

  test('without front matter it is "(preamble)", and only listed when it has text', () => {
    expect(outline(doc('> A quote.', '', '# One', 'x'))[0]).toEqual({ name: '(preamble)', level: 0, hasFacts: true });
    expect(outline(doc('', '# One', 'x')).map((s) => s.name)).toEqual(['One']);
  });

  test('front matter is not facts; a --- rule later in a document is not front matter', () => {
    expect(outline(doc('---', 'title: T', '---', '', '# A', 'x'))[0]).toEqual({ name: 'T', level: 0, hasFacts: false });
    expect(outline(doc('Plain text first.', 'More: yes', '---', '# A')).map((s) => s.name)).toEqual([
      '(preamble)',
      'A',
    ]);
  });
});

describe('has facts', () => {
  const facts = (...body: string[]) => parseDocHeadings(doc('## H', ...body)).sections[0]!.hasFacts;

  test.each([
    ['nothing', []],
    ['blank lines', ['', '   ', '']],
    ['images', ['![image-20220216180234888](docker.assets/image.png)', '![](../images/6/docker-system.jpeg)']],
    ['an HTML image', ['<img src="assets/x.png" style="zoom:15%;" align="left" />']],
    ['a linked image', ['[![badge](https://x.example/b.svg)](https://x.example)']],
    [
      'a list of links',
      ['- [http://www.linux-kvm.org/](http://www.linux-kvm.org/)', '- [关于KVM的详解](http://blog.example/1)'],
    ],
    ['bare URLs', ['- https://www.redhat.com/zh/topics/virtualization', '<https://example.com>']],
    [
      'a label before links',
      ['Ref: [https://docs.docker.com/x/](https://docs.docker.com/x/)', '参考：', '- https://a.example'],
    ],
    ['horizontal rules', ['---', '***', '_ _ _']],
    ['HTML comments', ['<!--more-->', '<!-- a', 'multi-line comment -->']],
    ['a link reference definition', ['[1]: https://example.com/ref']],
  ])('%s: no facts', (_, body) => expect(facts(...body)).toBe(false));

  test.each([
    ['a sentence', ['Containers share the host kernel.']],
    ['Chinese text', ['容器技术发展路径']],
    ['text around a link', ['[虚拟化](https://www.redhat.com/zh)是一种技术']],
    ['a list item', ['- 轻量，容器共享主机资源']],
    ['a table', ['| 特性 | 容器 |', '| --- | --- |', '| 启动 | 秒级 |']],
    ['a quote', ['> Docker is an open platform']],
    ['text in HTML', ['<span style=background:#c2e2ff>虚拟化</span>']],
    ['a code block', ['```bash', 'apt-get install -y docker.io', '```']],
    ['text after an image', ['![](a.png)', '', '阿里成立专门的项目组推进docker应用']],
  ])('%s: facts', (_, body) => expect(facts(...body)).toBe(true));

  test("a heading's body ends at the next heading of any level", () => {
    expect(outline(doc('## Parent', '### Child', 'fact'))).toEqual([
      { name: 'Parent', level: 2, hasFacts: false },
      { name: 'Child', level: 3, hasFacts: true },
    ]);
  });
});
