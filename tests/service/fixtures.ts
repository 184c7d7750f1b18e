// Small graphs for the use-case tests, built by the real extractor from plan texts written like
// the seeds (analyze → fromAnalyzed → store), so keys and numbers are the ones users will see.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/citations/analyze.js';
import { fromAnalyzed } from '../../src/graph/from-analyzed.js';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import type { GraphStore } from '../../src/graph/store.js';

export const PLAN_HOA_BINH = `UBND HUYỆN LẠC THỦY
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 12/KH-PGDĐT
Lạc Thủy, ngày 10 tháng 3 năm 2023
KẾ HOẠCH
Thực hiện công tác tiếp công dân năm 2023
Thực hiện Chỉ thị số 06/CT-UBND ngày 07/03/2022 của UBND tỉnh Hòa Bình về việc tăng cường công tác tiếp công dân, giải quyết khiếu nại, tố cáo;
Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh;
Phòng Giáo dục và Đào tạo xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Thực hiện nghiêm túc các văn bản nêu trên.`;

export const PLAN_BINH_DUONG = `UBND HUYỆN DẦU TIẾNG
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 34/KH-PGDĐT
Dầu Tiếng, ngày 02 tháng 4 năm 2022
KẾ HOẠCH
Thực hiện công tác tiếp công dân năm 2022
Thực hiện Chỉ thị số 06/CT-UBND ngày 10/02/2022 của UBND tỉnh Bình Dương về công tác tiếp công dân;
Phòng Giáo dục và Đào tạo xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Thực hiện nghiêm túc các văn bản nêu trên.`;

const dirs: string[] = [];

export async function storeWith(plans: Record<string, string>): Promise<GraphStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cancu-service-'));
  dirs.push(dir);
  const store = new MemoryGraphStore({ dir });
  await store.init();
  await store.writeDocuments(
    Object.entries(plans).map(([file, text]) =>
      fromAnalyzed(analyze(text, { file }), { file, contentHash: createHash('sha256').update(text).digest('hex'), findings: [] }),
    ),
  );
  return store;
}

export function removeStores(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
